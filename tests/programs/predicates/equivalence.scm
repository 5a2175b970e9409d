; eq?, eqv? and equal?: identity, numbers and characters, and structural equality.
(define (show x) (write x) (newline))
(show (list (eq? 'a 'a) (eq? '() '()) (eq? car car) (eq? #t #t)))
; expect: (#t #t #t #t)
(show (eq? (list 1) (list 1)))
; expect: #f
(define p (list 1))
(show (eq? p p))
; expect: #t
(show (list (eqv? 100000 100000) (eqv? 2.5 2.5) (eqv? #\a #\a) (eqv? 1 1.0)))
; expect: (#t #t #t #f)
(show (eqv? "abc" (string-copy "abc")))
; expect: #f
(show (list (equal? "abc" "abc") (equal? '(1 (2 #(3))) (list 1 (list 2 (vector 3)))) (equal? 1 1.0)))
; expect: (#t #t #f)
(show (list (equal? #u8(1 2) #u8(1 2)) (equal? #(1 2) #(1 2 3)) (equal? '() '())))
; expect: (#t #f #t)
(show (list (equal? 'a 'b) (equal? #\a #\a) (equal? "a" "A")))
; expect: (#f #t #f)
