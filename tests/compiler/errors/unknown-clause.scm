(define A (class (A)
  (slot x 1)
  (field x)))
