; string=? and string<? : lexicographic, case-sensitive, prefixes sort first.
(define (show x) (write x) (newline))
(show (list (string=? "abc" "abc") (string=? "abc" "abd") (string=? "" "") (string=? "a" "a" "a")))
; expect: (#t #f #t #t)
(show (list (string<? "abc" "abd") (string<? "abd" "abc") (string<? "ab" "abc") (string<? "abc" "ab")))
; expect: (#t #f #t #f)
(show (list (string<? "Z" "a") (string<? "" "a") (string<? "a" "a") (string<? "a" "b" "c")))
; expect: (#t #t #f #t)
(show (string=? "Hello" "hello"))
; expect: #f
