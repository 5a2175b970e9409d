; A macro's free identifiers refer to bindings where the macro was defined, not where it is used.
(define (show x) (display x) (newline))
(define helper-value 'global)
(define-syntax get-helper
  (syntax-rules () ((_) helper-value)))
(show (let ((helper-value 'local)) (get-helper)))
; expect: global
(define (scale x) (* x 10))
(define-syntax scaled
  (syntax-rules () ((_ e) (scale e))))
(show (let ((scale (lambda (x) 'wrong))) (scaled 4)))
; expect: 40
(define-syntax bind-and-use
  (syntax-rules () ((_ v e) (let ((v 1)) e))))
(show (bind-and-use y (+ y 1)))
; expect: 2
