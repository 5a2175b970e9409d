; modulo by zero is a division-by-zero error.
(modulo 5 0)
; expect error at 2:1: modulo: division by zero
