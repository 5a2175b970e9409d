; Exact division that is not exact gives a flonum (there are no rationals).
(define (show x) (write x) (newline))
(show (/ 7 2))
; expect: 3.5
(show (/ 1 4))
; expect: 0.25
(show (/ 6 4))
; expect: 1.5
(show (/ 8 4))
; expect: 2
(show (/ 2))
; expect: 0.5
(show (exact? (/ 9 3)))
; expect: #t
