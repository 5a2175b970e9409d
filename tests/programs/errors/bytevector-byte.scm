; Storing 256 into a bytevector is a wrong-type error: it is not a byte.
(define bv (make-bytevector 2 0))
(bytevector-u8-set! bv 0 255)
(display (bytevector-u8-ref bv 0))
(newline)
(bytevector-u8-set! bv 1 256)
; expect: 255
; expect error at 6:1: bytevector-u8-set!: expected a byte, got 256
