; A syntax keyword is not a variable.
(define (f)
  (list 1 when))
