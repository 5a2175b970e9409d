(define (f x)
  'x . y)
