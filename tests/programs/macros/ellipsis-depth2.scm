; syntax-rules: nested ellipses (depth 2) in patterns and templates.
(define (show x) (write x) (newline))
(define-syntax flip-groups
  (syntax-rules ()
    ((_ (a b ...) ...) '((b ... a) ...))))
(show (flip-groups (1 2 3) (4) (5 6)))
; expect: ((2 3 1) (4) (6 5))
(define-syntax my-let-values-sum
  (syntax-rules ()
    ((_ ((name val ...) ...)) (list (cons 'name (+ val ...)) ...))))
(show (my-let-values-sum ((a 1 2 3) (b) (c 10))))
; expect: ((a . 6) (b . 0) (c . 10))
(define-syntax my-cond
  (syntax-rules (else)
    ((_ (else e ...)) (begin e ...))
    ((_ (c e ...) clause ...) (if c (begin e ...) (my-cond clause ...)))))
(show (my-cond (#f 1) ((= 1 1) 'x 'y) (else 'z)))
; expect: y
(define-syntax flatten-groups
  (syntax-rules ()
    ((_ (x ...) ...) '(x ... ...))))
(show (flatten-groups (1 2) () (3)))
; expect: (1 2 3)
