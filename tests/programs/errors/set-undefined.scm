; Regression: set! of a name that was never defined silently defined it.
(display "start")
(newline)
(set! never-defined 5)
; expect: start
; expect error at 4:1: unbound variable: never-defined
