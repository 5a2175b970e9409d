; A field spec with too much in it.
(define-record-type point (make-point x) point? (x point-x set-point-x! extra))
