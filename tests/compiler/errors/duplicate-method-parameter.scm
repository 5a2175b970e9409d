(define-module (M)
  (method (m x x) x))
