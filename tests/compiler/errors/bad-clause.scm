(define-class (A)
  5)
