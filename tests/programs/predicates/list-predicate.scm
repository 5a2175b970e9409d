; list? is true only of proper lists: not of dotted or circular ones.
(define (show x) (write x) (newline))
(show (list (list? '()) (list? '(1 2 3)) (list? '(1 . 2)) (list? 5) (list? '(1 (2 . 3)))))
; expect: (#t #t #f #f #t)
(define circular (list 1 2 3))
(set-cdr! (cddr circular) circular)
(show (list? circular))
; expect: #f
(show (pair? circular))
; expect: #t
