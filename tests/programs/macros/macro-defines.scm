; Macros that expand into definitions, at top level and inside bodies.
(define (show x) (display x) (newline))
(define-syntax define-getter
  (syntax-rules ()
    ((_ name value) (define (name) value))))
(define-getter answer 42)
(show (answer))
; expect: 42
(define-syntax define-both
  (syntax-rules ()
    ((_ a b v) (begin (define a v) (define b v)))))
(define-both p q 'shared)
(show (list p q))
; expect: (shared shared)
(define (body-test)
  (define-getter inner 7)
  (define-both m n 3)
  (+ (inner) m n))
(show (body-test))
; expect: 13
