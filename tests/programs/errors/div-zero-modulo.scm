; modulo by zero is a division-by-zero error.
(modulo 5 0)
; expect error: modulo: division by zero
