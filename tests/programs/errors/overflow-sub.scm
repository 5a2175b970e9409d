; Subtracting below the minimum 64-bit integer is an overflow error.
(- -9223372036854775808 1)
; expect error at 2:1: -: integer overflow
