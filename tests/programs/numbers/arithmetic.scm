; +, -, * and / on exact integers: identities, unary forms and many arguments.
(define (show x) (write x) (newline))
(show (list (+) (+ 5) (+ 1 2 3 4)))
; expect: (0 5 10)
(show (list (- 5) (- 10 3) (- 10 3 2)))
; expect: (-5 7 5)
(show (list (*) (* 7) (* 2 3 4)))
; expect: (1 7 24)
(show (list (/ 6 3) (/ 100 10 5) (/ -8 2)))
; expect: (2 2 -4)
(show (list (+ -3 3) (* -4 -5) (- 0 0)))
; expect: (0 20 0)
(show (* 99999 99999))
; expect: 9999800001
(show (+ 4611686018427387903 4611686018427387904))
; expect: 9223372036854775807
(show (- -4611686018427387904 4611686018427387904))
; expect: -9223372036854775808
(show (* 3037000499 3037000499))
; expect: 9223372030926249001
