; Datum comments #; skip exactly the next datum, wherever it appears.
(define (show x) (display x) (newline))
#;(show "never")
(show 'first)
; expect: first
(show '(1 #;2 3))
; expect: (1 3)
(show '(1 #;(2 (3 4)) 5))
; expect: (1 5)
(show (+ 1 #; 100 2))
; expect: 3
(show '(a #;#;b c d))
; expect: (a d)
(show '#(1 #;2 3))
; expect: #(1 3)
