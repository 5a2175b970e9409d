; vector-ref on a list is a wrong-type error.
(display "start")
(newline)
(vector-ref '(1 2) 0)
; expect: start
; expect error: vector-ref: expected a vector, got (1 2)
