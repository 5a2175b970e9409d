; A let-values clause with two expressions.
(define (f)
  (let-values (((a b) 1 2)) a))
