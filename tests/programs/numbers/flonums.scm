; Flonum arithmetic and printing in the shortest form that reads back.
(define (show x) (write x) (newline))
(show (list 1.0 0.1 3.5 -2.25 100.0))
; expect: (1.0 0.1 3.5 -2.25 100.0)
(show (+ 0.1 0.2))
; expect: 0.30000000000000004
(show (* 1.5 2))
; expect: 3.0
(show (- 0.5 1))
; expect: -0.5
(show (/ 1.0 3))
; expect: 0.3333333333333333
(show 1e21)
; expect: 1e21
(show (list (/ 1.0 0.0) (/ -1.0 0.0)))
; expect: (+inf.0 -inf.0)
(show (+ 1 0.5))
; expect: 1.5
(show (exact->inexact 7))
; expect: 7.0
