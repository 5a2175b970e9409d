(define ok 1)
(include "include-error.inc")
