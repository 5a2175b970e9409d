; define-syntax inside a procedure body defines a macro local to that body.
(define (show x) (display x) (newline))
(define (f x)
  (define-syntax double
    (syntax-rules () ((_ e) (* 2 e))))
  (double (+ x 1)))
(show (f 4))
; expect: 10
(define (g lst)
  (define-syntax push!
    (syntax-rules () ((_ item place) (set! place (cons item place)))))
  (let ((acc '()))
    (for-each (lambda (x) (push! x acc)) lst)
    acc))
(show (g '(1 2 3)))
; expect: (3 2 1)
