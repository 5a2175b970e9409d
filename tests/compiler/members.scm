; Classes among locals: captures (an assigned one boxed), a rest factory
; parameter, and hygiene: a macro's global or local is not captured by a
; member of the same name, written (%global name) or renamed apart.
(define (make-counter-class start)
  (let ((total 0))
    (class (C . items)
      (slot n start)
      (method (add! k . more) (set! total (+ total k)) (set! n (+ n 1)) (lambda () (set! k 2) k))
      (method (all) (list items total n)))))
(define-class (L)
  (method (m) (set! zzz 1) (define (inner) (self)) (inner)))
(define-syntax get-total (syntax-rules () ((_) total)))
(define total 5)
(define-class (A)
  (slot total 1)
  (method (m) (list total (get-total))))
(define (f x)
  (define-syntax get-x (syntax-rules () ((_) x)))
  (class (B) (slot x 1) (method (m) (list x (get-x)))))
; A factory parameter twice is accepted, as on the seed: the first is seen.
(define-class (Twice x x) (method (m) x))
