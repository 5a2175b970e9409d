; A method may not hide a factory parameter.
(define-class (Item price)
  (method (price) 1))
