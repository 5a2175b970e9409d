; Top-level definitions of even? and odd? shadow the builtins and call each other in tail position: N deep, N even, from the command line (1,000,000; fewer on the simulator).
; args: 1000000
; sim-args: 100000
(define n (string->number (cadr (command-line))))
(define (even? n) (if (= n 0) #t (odd? (- n 1))))
(define (odd? n) (if (= n 0) #f (even? (- n 1))))
(display (list (even? n) (odd? 7) (even? 7)))
(newline)
; expect: (#t #t #f)
