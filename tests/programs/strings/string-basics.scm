; string-length, string-ref, substring and string-append.
(define (show x) (write x) (newline))
(show (list (string-length "") (string-length "hello") (string-length "a b")))
; expect: (0 5 3)
(show (list (string-ref "hello" 0) (string-ref "hello" 4)))
; expect: (#\h #\o)
(show (list (substring "hello world" 6 11) (substring "abc" 0 0) (substring "abc" 1 3)))
; expect: ("world" "" "bc")
(show (list (string-append) (string-append "a") (string-append "ab" "" "cd" "e")))
; expect: ("" "a" "abcde")
(show (string))
; expect: ""
(show (string #\x #\y #\z))
; expect: "xyz"
