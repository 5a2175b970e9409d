; An empty field spec in `define-record-type` made the seed panic while
; it collected the names the form defines; it is a syntax error.
(define-record-type point (make-point) point? ())
; expect error at 3:1: a field spec must be (field accessor [modifier])
