; No fields, no predicate: too short.
(define-record-type point (make-point))
