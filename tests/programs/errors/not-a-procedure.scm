; Calling a number is an error that writes the non-procedure.
(display "calling")
(newline)
(define x 5)
(x 3)
; expect: calling
; expect error at 5:1: not a procedure: 5
