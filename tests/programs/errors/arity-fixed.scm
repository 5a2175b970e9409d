; Calling a procedure with too many arguments is an arity error naming the procedure.
(define (fact n) (if (= n 0) 1 (* n (fact (- n 1)))))
(display (fact 5))
(newline)
(fact 5 6)
; expect: 120
; expect error at 5:1: fact: expected 1 argument, got 2
