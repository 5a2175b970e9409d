; apply in tail position is a proper tail call: N iterations, N from the command line (3,000,000; fewer on the simulator).
; args: 3000000
; sim-args: 100000
(define n (string->number (cadr (command-line))))
(define (loop-apply n acc)
  (if (= n 0) acc (apply loop-apply (list (- n 1) (+ acc 1)))))
(display (= (loop-apply n 0) n))
(newline)
; expect: #t
