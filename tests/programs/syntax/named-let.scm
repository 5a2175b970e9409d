; Named let: loops, accumulators and a named let whose name shadows an outer binding.
(define (show x) (display x) (newline))
(show (let fact ((n 10) (acc 1)) (if (= n 0) acc (fact (- n 1) (* acc n)))))
; expect: 3628800
(show (let loop ((xs '(1 2 3 4 5)) (sum 0))
        (if (null? xs) sum (loop (cdr xs) (+ sum (car xs))))))
; expect: 15
(define (loop) 'outer)
(show (let loop ((i 3)) (if (= i 0) 'inner (loop (- i 1)))))
; expect: inner
(show (loop))
; expect: outer
(show (let fib ((n 20)) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2))))))
; expect: 6765
