; vector-set! with a negative index is an index error.
(define v (make-vector 3 0))
(vector-set! v -1 'x)
; expect error at 3:1: vector-set!: index -1 out of range for length 3
