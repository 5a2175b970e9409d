(define (f x)
  (lambda))
