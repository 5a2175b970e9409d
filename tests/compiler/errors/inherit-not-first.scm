(define A (class (A)
  (slot x 1)
  (inherit B)))
