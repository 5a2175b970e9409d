; A malformed syntax-rules rule is reported at the transformer expression.
(define-syntax foo
  (syntax-rules ()
    ((_ a) a a)))
