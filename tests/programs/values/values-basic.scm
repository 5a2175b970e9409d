; values and call-with-values: several, one and zero values.
(define (show x) (write x) (newline))
(show (call-with-values (lambda () (values 1 2 3)) list))
; expect: (1 2 3)
(show (call-with-values (lambda () (values 5)) (lambda (x) (* x x))))
; expect: 25
(show (call-with-values (lambda () (values)) list))
; expect: ()
(show (call-with-values (lambda () 7) (lambda (x) x)))
; expect: 7
(show (call-with-values (lambda () (values 1 2)) +))
; expect: 3
(define (div-mod a b) (values (quotient a b) (remainder a b)))
(show (call-with-values (lambda () (div-mod 17 5)) cons))
; expect: (3 . 2)
