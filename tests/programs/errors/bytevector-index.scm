; bytevector-u8-ref past the end is an index error.
(define bv (make-bytevector 4 0))
(bytevector-u8-ref bv 4)
; expect error at 3:1: bytevector-u8-ref: index 4 out of range for length 4
