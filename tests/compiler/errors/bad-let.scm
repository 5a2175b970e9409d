; A language macro reports a malformed use at the use.
(define (f x)
  (let ((x)) x))
