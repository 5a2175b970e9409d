; string-ref past the end is an index error.
(display (string-ref "abc" 0))
(newline)
(string-ref "abc" 5)
; expect: a
; expect error at 4:1: string-ref: index 5 out of range for length 3
