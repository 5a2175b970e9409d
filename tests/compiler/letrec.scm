; Internal definitions are letrec*: `even?` and `odd?` capture each other,
; so the closure made first is completed with fix-closure.
(define (parity n)
  (define (my-even? k) (if (= k 0) #t (my-odd? (- k 1))))
  (define (my-odd? k) (if (= k 0) #f (my-even? (- k 1))))
  (my-even? n))

; An expression between definitions is evaluated in its place.
(define (mixed x)
  (define a (* x 2))
  (display a)
  (define b (+ a 1))
  b)

; A definition whose init is not a lambda captures a later variable:
; that variable is boxed.
(define (late)
  (define get (car (list (lambda () later))))
  (define later 5)
  (get))

; A self-recursive internal procedure: its closure is completed with
; itself.
(define (count-down n)
  (define (loop i) (if (> i 0) (loop (- i 1)) 'done))
  (loop n))

; A captured internal definition that is also assigned lives in a box.
(define (toggler)
  (define on #f)
  (define (flip) (set! on (not on)) on)
  flip)

; A name defined twice in one body is one variable; the second definition
; assigns it, so, captured, it is boxed.
(define (twice)
  (define x 1)
  (define (get) x)
  (define x 2)
  (get))
