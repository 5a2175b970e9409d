; Doubly recursive Fibonacci, and an iterative one for larger arguments.
(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
(define (fib-iter n) (let loop ((a 0) (b 1) (i 0)) (if (= i n) a (loop b (+ a b) (+ i 1)))))
(display (fib 25))
(newline)
; expect: 75025
(display (map fib '(0 1 2 3 4 5 6 7 8 9 10)))
(newline)
; expect: (0 1 1 2 3 5 8 13 21 34 55)
(display (fib-iter 90))
(newline)
; expect: 2880067194370816120
