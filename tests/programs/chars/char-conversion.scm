; char->integer, integer->char, char-upcase and char-downcase.
(define (show x) (write x) (newline))
(show (list (char->integer #\A) (char->integer #\a) (char->integer #\0) (char->integer #\space)))
; expect: (65 97 48 32)
(show (list (integer->char 65) (integer->char 122) (integer->char 32) (integer->char 10)))
; expect: (#\A #\z #\space #\newline)
(show (list (char-upcase #\a) (char-upcase #\A) (char-upcase #\1)))
; expect: (#\A #\A #\1)
(show (list (char-downcase #\Q) (char-downcase #\q) (char-downcase #\!)))
; expect: (#\q #\q #\!)
(show (integer->char (+ (char->integer #\a) 25)))
; expect: #\z
(show (char->integer (integer->char 955)))
; expect: 955
