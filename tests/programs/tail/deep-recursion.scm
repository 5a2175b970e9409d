; Non-tail recursion N deep succeeds: (+ 1 (f (- n 1))), N from the command line (1,000,000; fewer on the simulator).
; args: 1000000
; sim-args: 100000
(define n (string->number (cadr (command-line))))
(define (depth n) (if (= n 0) 0 (+ 1 (depth (- n 1)))))
(display (= (depth n) n))
(newline)
; expect: #t
