; An anonymous procedure called with too few arguments is an arity error.
((lambda (x y) x) 1)
; expect error at 2:1: expected 2 arguments, got 1
