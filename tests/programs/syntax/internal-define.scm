; Internal definitions in bodies: letrec* semantics, mutual recursion, begin splicing.
(define (show x) (display x) (newline))
(define (f x)
  (define y (* x 2))
  (define z (+ y 1))
  (list x y z))
(show (f 5))
; expect: (5 10 11)
(define (parity n)
  (define (ev? k) (if (= k 0) #t (od? (- k 1))))
  (define (od? k) (if (= k 0) #f (ev? (- k 1))))
  (if (ev? n) 'even 'odd))
(show (parity 10))
; expect: even
(show (parity 7))
; expect: odd
(define (g)
  (begin (define a 1) (define b 2))
  (+ a b))
(show (g))
; expect: 3
(begin (define top-a 100) (define top-b 200))
(show (+ top-a top-b))
; expect: 300
(define (shadow car) (+ car 1))
(show (shadow 41))
; expect: 42
