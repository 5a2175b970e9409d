; Multiplication that exceeds 64 bits is an overflow error, even in a loop computing factorials.
(define (fact n) (if (= n 0) 1 (* n (fact (- n 1)))))
(display (fact 20))
(newline)
(display (fact 21))
; expect: 2432902008176640000
; expect error at 2:32: *: integer overflow
