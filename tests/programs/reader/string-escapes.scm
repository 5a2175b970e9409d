; String literal escapes: \n \t \\ \" \a \x41; and line continuations.
(define (show x) (display x) (newline))
(show "tab[\t]")
; expect: tab[	]
(show "two\nlines")
; expect: two
; expect: lines
(show "quote \" and backslash \\")
; expect: quote " and backslash \
(show "hex \x41;\x62;c")
; expect: hex Abc
(show (char->integer (string-ref "\a" 0)))
; expect: 7
(show (string-length "a\nb\tc\\d\"e"))
; expect: 9
(show "continued \
       line")
; expect: continued line
(write "say \"hi\" \\ ok")
(newline)
; expect: "say \"hi\" \\ ok"
(show (string->list "\x3bb;x"))
; expect: (λ x)
