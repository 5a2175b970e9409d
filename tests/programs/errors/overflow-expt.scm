; expt whose result exceeds 64 bits is an overflow error.
(display (expt 2 62))
(newline)
(expt 2 64)
; expect: 4611686018427387904
; expect error at 4:1: expt: integer overflow
