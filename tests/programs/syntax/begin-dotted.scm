; A dotted `begin` in a body made the seed panic: it splices its proper
; part, as a dotted `begin` at the top level does.
(define (f) (begin (display "a") . tail) 'b)
(display (f))
(newline)
; expect: ab
(begin (display "c") . tail)
(newline)
; expect: c
