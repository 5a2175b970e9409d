; Unbounded non-tail recursion is reported as a stack overflow, not a crash.
(define (forever n) (+ 1 (forever (+ n 1))))
(display "recursing")
(newline)
(forever 0)
; expect: recursing
; expect error at 2:26: stack overflow
