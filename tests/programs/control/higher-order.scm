; Procedures as values: returned, stored in data structures and applied later.
(define (show x) (display x) (newline))
(define (compose f g) (lambda (x) (f (g x))))
(define add1 (lambda (x) (+ x 1)))
(define double (lambda (x) (* x 2)))
(show ((compose add1 double) 5))
; expect: 11
(show ((compose double add1) 5))
; expect: 12
(define table (list (cons 'add +) (cons 'mul *) (cons 'sub -)))
(show (map (lambda (entry) ((cdr entry) 6 3)) table))
; expect: (9 18 3)
(define (repeat f n) (if (= n 0) (lambda (x) x) (compose f (repeat f (- n 1)))))
(show ((repeat double 10) 1))
; expect: 1024
(define (curry f . args) (lambda more (apply f (append args more))))
(show ((curry list 1 2) 3 4))
; expect: (1 2 3 4)
