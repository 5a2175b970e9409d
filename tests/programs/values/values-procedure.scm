; `values` used as a procedure value (apply, map, guard's normal return) gives what a direct call gives.
(write (guard (e (#t 1)) 5)) (newline)
; expect: 5
(write (call-with-values (lambda () (apply values '(1 2 3))) list)) (newline)
; expect: (1 2 3)
(write (call-with-values (lambda () (apply values '())) list)) (newline)
; expect: ()
(write (call-with-values (lambda () (values 7)) (lambda (x) (* x 2)))) (newline)
; expect: 14
(write (map values '(1 2))) (newline)
; expect: (1 2)
(define-values (a b) (apply values '(3 4)))
(write (+ a b)) (newline)
; expect: 7
(write (guard (e ((string? e) (string-append "caught " e))) (raise "boom"))) (newline)
; expect: "caught boom"
(define-values (c d) (apply values '(1 2 3)))
; expect error at 17:1: expected 2 arguments, got 3
