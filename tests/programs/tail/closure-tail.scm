; Tail calls through closures held in variables and returned by procedures (continuation-passing style): N iterations, N from the command line (3,000,000; fewer on the simulator).
; args: 3000000
; sim-args: 100000
(define n (string->number (cadr (command-line))))
(define (count-cps n k)
  (if (= n 0) (k 'cps-done) (count-cps (- n 1) (lambda (v) (k v)))))
(display (count-cps (quotient n 30) (lambda (v) v)))
(newline)
; expect: cps-done
(define (trampoline-ish f n) (if (= n 0) 'tramp-done (f f (- n 1))))
(display (trampoline-ish trampoline-ish n))
(newline)
; expect: tramp-done
