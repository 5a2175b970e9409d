; Division results compared numerically, so they hold with or without rationals.
(define (show x) (write x) (newline))
(show (= (/ 7 2) 3.5))
; expect: #t
(show (= (/ 1 3) (/ 2 6)))
; expect: #t
(show (< (/ 1 3) 0.34))
; expect: #t
(show (= (* (/ 10 4) 4) 10))
; expect: #t
(show (/ 7.0 2))
; expect: 3.5
(show (/ 1.0 4.0))
; expect: 0.25
