(define-class (A)
  (slot x 1)
  (inherit B))
