; Hygiene: a macro's temporary t does not capture a user variable named t.
(define (show x) (display x) (newline))
(define-syntax my-or
  (syntax-rules ()
    ((_) #f)
    ((_ e) e)
    ((_ e r ...) (let ((t e)) (if t t (my-or r ...))))))
(define t 5)
(show (my-or #f t))
; expect: 5
(show (let ((t 7)) (my-or #f t)))
; expect: 7
(show (my-or #f #f))
; expect: #f
(show (my-or))
; expect: #f
(show (my-or 1 (begin (display "never") 2)))
; expect: 1
(define (f t) (my-or #f #f t))
(show (f 'user-t))
; expect: user-t
