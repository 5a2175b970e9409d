; A transformer runs when the program is compiled, in the language's scope:
; it may use the language's procedures, but not the program's own
; definitions, which have not run yet.
(define-syntax reversed
  (lambda (form rename compare)
    (cons (rename 'list) (reverse (cdr form)))))
(write (reversed 1 2 3))
(newline)
; expect: (3 2 1)
(define (helper form) (list 'quote (cdr form)))
(define-syntax m (lambda (form rename compare) (helper form)))
(write (m a b))
; expect error at 12:8: unbound variable: helper
