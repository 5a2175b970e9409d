; Builtins live in the immutable language scope: set! on one is an error.
(set! car cdr)
; expect error at 2:1: cannot assign to builtin: car
