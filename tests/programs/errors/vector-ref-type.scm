; vector-ref on a list is a wrong-type error.
(display "start")
(newline)
(vector-ref '(1 2) 0)
; expect: start
; expect error at 4:1: vector-ref: expected a vector, got (1 2)
