; Quote abbreviations read as lists headed by quote, quasiquote, unquote and unquote-splicing.
(define (show x) (write x) (newline))
(show (car ''a))
; expect: quote
(show (car '`a))
; expect: quasiquote
(show (car ',a))
; expect: unquote
(show (car ',@a))
; expect: unquote-splicing
(show (cadr ''(1 2)))
; expect: (1 2)
(show (equal? ''x '(quote x)))
; expect: #t
(show '(1 . (2 . (3 . ()))))
; expect: (1 2 3)
(show '(1 . (2 3)))
; expect: (1 2 3)
