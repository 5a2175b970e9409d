; define-values at top level and in a body.
(define (show x) (write x) (newline))
(define-values (q r) (values (quotient 23 4) (remainder 23 4)))
(show (list q r))
; expect: (5 3)
(define (f)
  (define-values (x y) (values 10 20))
  (+ x y))
(show (f))
; expect: 30
(define-values (head . rest) (values 1 2 3))
(show (list head rest))
; expect: (1 (2 3))
