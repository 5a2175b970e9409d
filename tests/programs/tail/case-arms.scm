; Proper tail calls from case clauses, including else: N iterations, N from the command line (3,000,000; fewer on the simulator).
; args: 3000000
; sim-args: 100000
(define n (string->number (cadr (command-line))))
(define (loop-case n)
  (case (remainder n 3)
    ((0) (if (= n 0) 'case-done (loop-case (- n 1))))
    ((1) (loop-case (- n 1)))
    (else (loop-case (- n 1)))))
(display (loop-case n))
(newline)
; expect: case-done
