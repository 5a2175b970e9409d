; char-alphabetic?, char-numeric? and char-whitespace? over letters, digits, spaces and punctuation.
(define (show x) (write x) (newline))
(define cs (list #\a #\Z #\5 #\space #\newline #\tab #\- #\_))
(show (map char-alphabetic? cs))
; expect: (#t #t #f #f #f #f #f #f)
(show (map char-numeric? cs))
; expect: (#f #f #t #f #f #f #f #f)
(show (map char-whitespace? cs))
; expect: (#f #f #f #t #t #t #f #f)
