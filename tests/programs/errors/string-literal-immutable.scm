; String literals are immutable: string-set! on one is an error.
(define s "literal")
(display s)
(newline)
(string-set! s 0 #\L)
; expect: literal
; expect error: string-set!: string is immutable
