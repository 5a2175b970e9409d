; begin: sequencing in expression position returns the last value.
(define (show x) (display x) (newline))
(show (begin 1 2 3))
; expect: 3
(show (begin (display "a") (display "b") 'c))
; expect: abc
(define x 0)
(show (if #t (begin (set! x 5) (* x 2)) 'no))
; expect: 10
(show (let ((y 1)) (begin (set! y 2)) y))
; expect: 2
