; Proper tail calls between two top-level procedures: mutual recursion N deep, N even, from the command line (1,000,000; fewer on the simulator).
; args: 1000000
; sim-args: 100000
(define n (string->number (cadr (command-line))))
(define (my-even? n) (if (= n 0) #t (my-odd? (- n 1))))
(define (my-odd? n) (if (= n 0) #f (my-even? (- n 1))))
(display (list (my-even? n) (my-odd? n) (my-odd? (+ n 1))))
(newline)
; expect: (#t #f #t)
