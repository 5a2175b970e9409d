; Regression: 1/3 read as a symbol and failed later as an unbound variable.
(display 1/3)
; expect error at 2:10: 1/3: Utena has no exact rationals
