; Strings hold Unicode characters: lengths and indexes count characters, not bytes.
(define (show x) (display x) (newline))
(define s "λx→y")
(show (string-length s))
; expect: 4
(show (char->integer (string-ref s 0)))
; expect: 955
(show (string-ref s 2))
; expect: →
(show (substring s 1 3))
; expect: x→
(show (string-append s "!"))
; expect: λx→y!
(show (list->string (reverse (string->list s))))
; expect: y→xλ
