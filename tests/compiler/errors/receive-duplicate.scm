; A consumer lambda with a parameter twice.
(define (f)
  (call-with-values (lambda () (values 1 2))
    (lambda (a a) a)))
