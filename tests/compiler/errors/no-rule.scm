; A syntax-rules macro with no matching rule is reported at its use.
(define-syntax pair-of
  (syntax-rules () ((_ a b) (cons a b))))
(define (f)
  (pair-of 1))
