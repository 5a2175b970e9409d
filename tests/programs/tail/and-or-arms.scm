; Proper tail calls from the last expression of and and of or: N iterations each, N from the command line (3,000,000; fewer on the simulator).
; args: 3000000
; sim-args: 100000
(define n (string->number (cadr (command-line))))
(define (loop-and n) (if (= n 0) 'and-done (and #t (loop-and (- n 1)))))
(define (loop-or n) (if (= n 0) 'or-done (or #f (loop-or (- n 1)))))
(display (list (loop-and n) (loop-or n)))
(newline)
; expect: (and-done or-done)
