; Strings returned by symbol->string are immutable.
(define s (symbol->string 'abc))
(string-set! s 0 #\z)
; expect error at 3:1: string-set!: string is immutable
