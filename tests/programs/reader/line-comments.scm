; Line comments run to the end of the line, including after code and with semicolon runs.
(define (show x) (display x) (newline)) ; a trailing comment
;;; a section comment
(show (list 1 ;; inside a list
            2))
; expect: (1 2)
(show "a ; inside a string is not a comment")
; expect: a ; inside a string is not a comment
