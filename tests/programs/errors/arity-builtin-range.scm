; A builtin with an optional argument reports its accepted range of argument counts.
(number->string 10 2 3)
; expect error at 2:1: expected 1 to 2 arguments, got 3
