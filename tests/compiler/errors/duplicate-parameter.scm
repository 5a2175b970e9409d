(define (g a b a)
  a)
