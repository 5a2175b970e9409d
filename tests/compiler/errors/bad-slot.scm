(define-class (A)
  (slot x 1 2))
