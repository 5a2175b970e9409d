(define (f a b . a)
  a)
