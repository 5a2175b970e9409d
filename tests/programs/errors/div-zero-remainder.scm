; remainder by zero is a division-by-zero error.
(remainder 5 0)
; expect error at 2:1: remainder: division by zero
