; gcd, lcm, abs, min and max, including inexact contagion for min and max.
(define (show x) (write x) (newline))
(show (list (gcd 12 18) (gcd -12 18) (gcd 7 13) (gcd) (gcd 0 5)))
; expect: (6 6 1 0 5)
(show (list (lcm 4 6) (lcm -4 6) (lcm) (lcm 3 5 7)))
; expect: (12 12 1 105)
(show (list (abs -5) (abs 5) (abs 0) (abs -2.5)))
; expect: (5 5 0 2.5)
(show (list (min 3 1 2) (max 3 1 2) (min -1) (max -5 -10)))
; expect: (1 3 -1 -5)
(show (max 1 2.0))
; expect: 2.0
(show (min 1 2.0))
; expect: 1.0
