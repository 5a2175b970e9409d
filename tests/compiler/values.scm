; Multiple values: `values` is its own opcode; call-with-values of two
; lambda expressions (what let-values, let*-values and define-values expand
; to) calls nothing: the producer's body, then `receive` (or
; `receive-rest`) into the consumer's parameters, then its body.
(define (two) (values 1 2))
(define (none) (values))
(define (sum) (call-with-values (lambda () (two)) (lambda (a b) (+ a b))))
(define (spread) (call-with-values (lambda () (values 1 2 3)) (lambda (a . rest) (cons a rest))))
(define (all) (call-with-values two (lambda args args)))
(define (lv) (let-values (((a b) (two)) ((c) (values 3))) (list a b c)))
(define (rv) (let*-values (((q r) (floor/ 7 2)) ((s) (values (+ q r)))) s))
(define-values (p q) (values 1 2))
; A received variable that a closure captures and a set! assigns is boxed.
(define (counter) (let-values (((n) (values 0))) (lambda () (set! n (+ n 1)) n)))
; A producer that takes a parameter is not inlined: an ordinary call.
(define (odd-producer) (call-with-values (lambda (x) x) (lambda (a) a)))
(display (list (sum) (spread) (all) (lv) (rv) p q ((counter))))
