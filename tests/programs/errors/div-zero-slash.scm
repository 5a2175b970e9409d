; Exact division by zero with / is an error.
(/ 5 0)
; expect error at 2:1: /: division by zero
