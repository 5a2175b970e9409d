; Hygiene: a macro's if, else and list keep their meaning where the user rebinds those names.
(define (show x) (display x) (newline))
(define-syntax my-if
  (syntax-rules ()
    ((_ c a b) (cond (c a) (else b)))))
(show (let ((else #f)) (my-if #f 1 2)))
; expect: 2
(define-syntax make-pair-list
  (syntax-rules ()
    ((_ a b) (list a b))))
(show (let ((list vector)) (make-pair-list 1 2)))
; expect: (1 2)
(define-syntax unless-zero
  (syntax-rules ()
    ((_ n body) (if (= n 0) 'zero body))))
(show (let ((if list)) (unless-zero 3 'nonzero)))
; expect: nonzero
(show (let ((= (lambda (a b) #t))) (unless-zero 3 'nonzero)))
; expect: nonzero
