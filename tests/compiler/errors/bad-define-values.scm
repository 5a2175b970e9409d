; A define-values whose formals hold a number: the seed checks every
; definition of the body before it analyses the first one's value.
(define (f)
  (define-values (a 1) (values 1 2)) a)
