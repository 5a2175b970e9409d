; do: iteration with steps, result expressions, bodies and variables without steps.
(define (show x) (display x) (newline))
(show (do ((i 0 (+ i 1)) (acc '() (cons i acc))) ((= i 5) acc)))
; expect: (4 3 2 1 0)
(define v (make-vector 5 0))
(do ((i 0 (+ i 1))) ((= i 5)) (vector-set! v i (* i i)))
(show v)
; expect: #(0 1 4 9 16)
(show (do ((vec (make-vector 5)) (i 0 (+ i 1))) ((= i 5) vec) (vector-set! vec i i)))
; expect: #(0 1 2 3 4)
(show (let ((x '(1 3 5 7 9)))
        (do ((x x (cdr x)) (sum 0 (+ sum (car x)))) ((null? x) sum))))
; expect: 25
(do ((i 3 (- i 1))) ((= i 0) (display "done") (newline)) (display i) (display " "))
; expect: 3 2 1 done
