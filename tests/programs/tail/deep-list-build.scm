; Building and consuming an N-element list with non-tail recursion, N from the command line (1,000,000; fewer on the simulator).
; args: 1000000
; sim-args: 50000
(define n (string->number (cadr (command-line))))
(define (build n) (if (= n 0) '() (cons n (build (- n 1)))))
(define (sum xs) (if (null? xs) 0 (+ (car xs) (sum (cdr xs)))))
(define xs (build n))
(display (list (= (length xs) n) (= (car xs) n) (= (sum xs) (quotient (* n (+ n 1)) 2))))
(newline)
; expect: (#t #t #t)
