; Proper tail calls from the last body expression of when and unless: N iterations each, N from the command line (3,000,000; fewer on the simulator).
; args: 3000000
; sim-args: 100000
(define n (string->number (cadr (command-line))))
(define (loop-when n acc) (if (= n 0) acc (when #t (loop-when (- n 1) (+ acc 1)))))
(define (loop-unless n acc) (if (= n 0) acc (unless #f (loop-unless (- n 1) (+ acc 2)))))
(display (list (= (loop-when n 0) n) (= (loop-unless n 0) (* 2 n))))
(newline)
; expect: (#t #t)
