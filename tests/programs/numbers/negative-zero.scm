; Regression: (- 0.0) gave 0.0; negating a flonum must give -0.0 (and keep exact negation exact).
(write (list (- 0.0) (- 2.5) (- 3) (- 0) (* -1 0.0)))
(newline)
; expect: (-0.0 -2.5 -3 0 -0.0)
