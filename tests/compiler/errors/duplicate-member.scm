(define-class (A)
  (slot x 1)
  (method (x) 2))
