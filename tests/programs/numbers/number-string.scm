; number->string and string->number, with radixes and invalid input.
(define (show x) (write x) (newline))
(show (list (number->string 42) (number->string -7) (number->string 3.5)))
; expect: ("42" "-7" "3.5")
(show (list (number->string 10 2) (number->string 8 8) (number->string 255 10)))
; expect: ("1010" "10" "255")
(show (list (string->number "123") (string->number "-17") (string->number "1.5")))
; expect: (123 -17 1.5)
(show (list (string->number "ff" 16) (string->number "101" 2) (string->number "#xff")))
; expect: (255 5 255)
(show (list (string->number "abc") (string->number "") (string->number "1x")))
; expect: (#f #f #f)
(show (+ 1 (string->number (number->string 99))))
; expect: 100
