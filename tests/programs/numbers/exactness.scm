; exact, inexact and exact->inexact convert between exact integers and flonums.
(define (show x) (write x) (newline))
(show (list (exact 3.0) (exact -2.0) (exact (floor 3.7)) (exact (round 2.5))))
; expect: (3 -2 3 2)
(show (list (inexact 3) (exact->inexact 10) (inexact -1)))
; expect: (3.0 10.0 -1.0)
(show (exact? (exact 4.0)))
; expect: #t
(show (inexact? (inexact 4)))
; expect: #t
(show (+ (exact 2.0) 1))
; expect: 3
