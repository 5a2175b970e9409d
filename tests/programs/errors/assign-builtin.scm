; Builtins live in the immutable language scope: set! on one is an error.
(set! car cdr)
; expect error: cannot assign to builtin: car
