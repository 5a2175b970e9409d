; quotient by zero is a division-by-zero error.
(display (quotient 7 2))
(newline)
(quotient 7 0)
; expect: 3
; expect error at 4:1: quotient: division by zero
