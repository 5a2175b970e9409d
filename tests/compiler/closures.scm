; A counter: `count` is captured and assigned, so it lives in a box.
(define (make-counter start)
  (define count start)
  (lambda ()
    (set! count (+ count 1))
    count))

; `n` is captured but never assigned: a plain copy in the closure.
(define (adder n)
  (lambda (x) (+ x n)))

; A parameter that is captured and assigned is boxed on entry.
(define (accumulate total)
  (lambda (x) (set! total (+ total x)) total))

; `a` is free in the middle lambda only because the innermost needs it:
; the middle one captures it to pass it on.
(define (curry3 a)
  (lambda (b)
    (lambda (c) (list a b c))))

; A rest list captured by a closure.
(define (later . args)
  (lambda () args))
