; remainder by zero is a division-by-zero error.
(remainder 5 0)
; expect error: remainder: division by zero
