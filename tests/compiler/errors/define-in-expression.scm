(define (f x)
  (if x (define y 2))
  x)
