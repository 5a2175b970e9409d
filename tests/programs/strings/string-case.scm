; string-upcase and string-downcase leave non-letters alone.
(define (show x) (write x) (newline))
(show (string-upcase "Hello, World 42!"))
; expect: "HELLO, WORLD 42!"
(show (string-downcase "Hello, World 42!"))
; expect: "hello, world 42!"
(show (string-upcase ""))
; expect: ""
