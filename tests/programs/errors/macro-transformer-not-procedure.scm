; A define-syntax whose transformer is not a procedure is reported at the
; transformer expression.
(define-syntax foo
  (+ 1 2))
; expect error at 4:3: a macro transformer must be a procedure
