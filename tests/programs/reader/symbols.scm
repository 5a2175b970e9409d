; Symbols: case sensitivity, peculiar identifiers and interning.
(define (show x) (write x) (newline))
(show (eq? 'abc 'ABC))
; expect: #f
(show '(+ - ... ->x <=? a.b !$%&*/:<=>?^_~ x1))
; expect: (+ - ... ->x <=? a.b !$%&*/:<=>?^_~ x1)
(show (eq? 'hello (string->symbol "hello")))
; expect: #t
(show (symbol->string 'MixedCase))
; expect: "MixedCase"
(define ->arrow 3)
(define <=> 4)
(show (+ ->arrow <=>))
; expect: 7
