; Exact division by zero with / is an error.
(/ 5 0)
; expect error: /: division by zero
