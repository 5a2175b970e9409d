; Proper tail calls from cond clauses, including an else clause and a => receiver: N iterations each, N from the command line (3,000,000; fewer on the simulator).
; args: 3000000
; sim-args: 100000
(define n (string->number (cadr (command-line))))
(define (loop-cond n)
  (cond ((= n 0) 'done)
        ((odd? n) (loop-cond (- n 1)))
        (else (loop-cond (- n 1)))))
(display (loop-cond n))
(newline)
; expect: done
(define (loop-arrow n)
  (cond ((= n 0) 'arrow-done)
        ((- n 1) => loop-arrow)))
(display (loop-arrow n))
(newline)
; expect: arrow-done
