; string->list, list->string, string->symbol, symbol->string, string-copy.
(define (show x) (write x) (newline))
(show (string->list "abc"))
; expect: (#\a #\b #\c)
(show (string->list ""))
; expect: ()
(show (list->string (list #\h #\i)))
; expect: "hi"
(show (list->string '()))
; expect: ""
(show (string->symbol "made"))
; expect: made
(show (symbol->string 'sym))
; expect: "sym"
(show (list->string (reverse (string->list "stressed"))))
; expect: "desserts"
(show (string-copy "copy"))
; expect: "copy"
(show (string-copy "hello" 1))
; expect: "ello"
(show (string-copy "hello" 1 3))
; expect: "el"
