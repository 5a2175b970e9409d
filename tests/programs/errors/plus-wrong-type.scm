; Arithmetic on a string is a wrong-type error naming the operation and the written value.
(display (+ 1 2))
(newline)
(display (+ 1 "2"))
; expect: 3
; expect error at 4:10: +: expected a number, got "2"
