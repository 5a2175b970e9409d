; A record accessor applied to a value of another type is a wrong-type error naming the record type.
(define-record-type point (make-point x y) point? (x point-x) (y point-y))
(display (point-x (make-point 1 2)))
(newline)
(point-x 5)
; expect: 1
; expect error at 5:1: expected a record of type point, got 5
