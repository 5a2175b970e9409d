; define: top-level variables and procedures, including forward references.
(define (show x) (display x) (newline))
(define x 10)
(show x)
; expect: 10
(define (square-it n) (* n n))
(show (square-it 7))
; expect: 49
(define (uses-later) (later 5))
(define (later n) (+ n 1))
(show (uses-later))
; expect: 6
(define f (lambda (a b) (- a b)))
(show (f 10 3))
; expect: 7
(define (adder a) (lambda (b) (+ a b)))
(show ((adder 3) 4))
; expect: 7
(define counter 0)
(set! counter (+ counter 1))
(set! counter (+ counter 1))
(show counter)
; expect: 2
