; list-ref past the end of a list is an error.
(list-ref '(a b) 5)
; expect error at 2:1: list-ref
