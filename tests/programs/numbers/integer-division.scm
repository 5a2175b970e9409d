; quotient, remainder and modulo with every combination of signs.
(define (show x) (write x) (newline))
(show (list (quotient 17 5) (remainder 17 5) (modulo 17 5)))
; expect: (3 2 2)
(show (list (quotient -17 5) (remainder -17 5) (modulo -17 5)))
; expect: (-3 -2 3)
(show (list (quotient 17 -5) (remainder 17 -5) (modulo 17 -5)))
; expect: (-3 2 -3)
(show (list (quotient -17 -5) (remainder -17 -5) (modulo -17 -5)))
; expect: (3 -2 -2)
(show (list (quotient 0 3) (remainder 10 2) (modulo -10 5)))
; expect: (0 0 0)
(show (quotient 9223372036854775807 2))
; expect: 4611686018427387903
