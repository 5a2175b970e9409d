; Exact integers are 64-bit: adding past the maximum is an error, never a wrap-around.
(define big 9223372036854775807)
(display big)
(newline)
(display (+ big 1))
; expect: 9223372036854775807
; expect error at 5:10: +: integer overflow
