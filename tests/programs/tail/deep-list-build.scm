; Building and consuming a 1,000,000-element list with non-tail recursion.
(define (build n) (if (= n 0) '() (cons n (build (- n 1)))))
(define (sum xs) (if (null? xs) 0 (+ (car xs) (sum (cdr xs)))))
(define xs (build 1000000))
(display (list (length xs) (car xs) (sum xs)))
(newline)
; expect: (1000000 1000000 500000500000)
