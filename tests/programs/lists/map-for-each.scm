; map and for-each over one and several lists, including lists of unequal length.
(define (show x) (write x) (newline))
(show (map (lambda (x) (* x x)) '(1 2 3 4)))
; expect: (1 4 9 16)
(show (map + '(1 2 3) '(10 20 30)))
; expect: (11 22 33)
(show (map list '(a b c) '(1 2 3) '(x y z)))
; expect: ((a 1 x) (b 2 y) (c 3 z))
(show (map car '((1 2) (3 4))))
; expect: (1 3)
(show (map (lambda (x) x) '()))
; expect: ()
(show (map + '(1 2 3) '(10 20)))
; expect: (11 22)
(for-each (lambda (x) (display x) (display ",")) '(1 2 3))
(newline)
; expect: 1,2,3,
(for-each (lambda (a b) (display (* a b)) (display ";")) '(1 2 3) '(4 5 6))
(newline)
; expect: 4;10;18;
(define total 0)
(for-each (lambda (x) (set! total (+ total x))) '(5 10 15))
(show total)
; expect: 30
