; list-ref past the end of a list is an error.
(list-ref '(a b) 5)
; expect error: list-ref
