; Calling a two-parameter procedure with one argument is an arity error.
(define (pair-up a b) (cons a b))
(pair-up 1)
; expect error at 3:1: pair-up: expected 2 arguments, got 1
