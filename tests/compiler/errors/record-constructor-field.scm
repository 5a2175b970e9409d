; A constructor argument that is no field.
(define-record-type point (make-point x z) point? (x point-x))
