; do loops iterate in constant space: N steps, N from the command line (5,000,000; fewer on the simulator).
; args: 5000000
; sim-args: 100000
(define n (string->number (cadr (command-line))))
(display (= (do ((i 0 (+ i 1)) (sum 0 (+ sum 2))) ((= i n) sum)) (* 2 n)))
(newline)
; expect: #t
