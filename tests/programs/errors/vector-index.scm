; vector-ref past the end is an index error naming the index and the length.
(define v (vector 1 2 3))
(display (vector-ref v 2))
(newline)
(vector-ref v 10)
; expect: 3
; expect error at 5:1: vector-ref: index 10 out of range for length 3
