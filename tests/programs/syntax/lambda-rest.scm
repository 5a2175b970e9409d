; lambda: fixed parameters, dotted rest parameters and a single rest parameter.
(define (show x) (write x) (newline))
(show ((lambda (a b) (list a b)) 1 2))
; expect: (1 2)
(show ((lambda args args)))
; expect: ()
(show ((lambda args args) 1 2 3))
; expect: (1 2 3)
(show ((lambda (a . rest) (list a rest)) 1))
; expect: (1 ())
(show ((lambda (a b . rest) (list a b rest)) 1 2 3 4))
; expect: (1 2 (3 4))
(define (count-args . xs) (length xs))
(show (count-args))
; expect: 0
(show (count-args 'a 'b 'c))
; expect: 3
(define (sum-all a . more) (apply + a more))
(show (sum-all 1 2 3 4))
; expect: 10
(show ((lambda () 42)))
; expect: 42
(show ((lambda (x) (display "side ") (* x 2)) 21))
; expect: side 42
