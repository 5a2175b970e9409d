; Nested quasiquote: inner levels stay quoted, only the innermost matching unquote is evaluated.
(define (show x) (write x) (newline))
(define x '(1 `(2 ,(3 ,(+ 1 3)))))
(define y `(1 `(2 ,(3 ,(+ 1 3)))))
(show (equal? y '(1 (quasiquote (2 (unquote (3 (unquote (+ 1 3)))))))))
; expect: #f
(show (equal? y '(1 (quasiquote (2 (unquote (3 4)))))))
; expect: #t
(show (car (cadr y)))
; expect: quasiquote
(show (car (cadr (cadr y))))
; expect: 2
(show (car (cadr (cadr (cadr y)))))
; expect: unquote
(define name 'q)
(define z `(a `(b ,(c ,name))))
(show (cadr (cadr (cadr (cadr (cadr z))))))
; expect: q
(show (equal? (cadr x) '(quasiquote (2 (unquote (3 (unquote (+ 1 3))))))))
; expect: #t
