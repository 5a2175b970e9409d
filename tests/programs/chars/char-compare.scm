; char=? and char<? with two and more arguments.
(define (show x) (write x) (newline))
(show (list (char=? #\a #\a) (char=? #\a #\A) (char=? #\x #\x #\x) (char=? #\x #\x #\y)))
; expect: (#t #f #t #f)
(show (list (char<? #\a #\b) (char<? #\b #\a) (char<? #\A #\a) (char<? #\a #\b #\c) (char<? #\a #\c #\b)))
; expect: (#t #f #t #t #f)
(show (char<? #\a #\a))
; expect: #f
