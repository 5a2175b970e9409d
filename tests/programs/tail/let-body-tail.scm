; Proper tail calls from the bodies of let, let*, letrec and begin: N iterations, N from the command line (3,000,000; fewer on the simulator).
; args: 3000000
; sim-args: 50000
(define n (string->number (cadr (command-line))))
(define (loop-let n)
  (if (= n 0) 'let-done
      (let ((m (- n 1))) (let* ((k m)) (letrec ((z k)) (begin (loop-let z)))))))
(display (loop-let n))
(newline)
; expect: let-done
