; String literals are immutable: string-set! on one is an error.
(define s "literal")
(display s)
(newline)
(string-set! s 0 #\L)
; expect: literal
; expect error at 5:1: string-set!: string is immutable
