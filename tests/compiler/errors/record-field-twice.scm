; A field named twice.
(define-record-type point (make-point x) point? (x point-x) (x other-x))
