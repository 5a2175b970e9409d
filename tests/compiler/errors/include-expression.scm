; `include` in an expression is refused, as by the seed.
(define (f)
  (+ 1 (include "include-error.inc")))
