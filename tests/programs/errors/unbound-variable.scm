; Referring to an unbound variable is an error when the reference is evaluated.
(define (use-it) (+ 1 undefined-thing))
(display "defined use-it")
(newline)
(use-it)
; expect: defined use-it
; expect error at 2:23: unbound variable: undefined-thing
