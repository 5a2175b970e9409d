; Loaded by csi before each benchmark program: CHICKEN 5 has no R7RS
; `command-line` without the r7rs egg, so define it from its own procedures.
(import (chicken process-context))
(define (command-line) (cons (program-name) (command-line-arguments)))
