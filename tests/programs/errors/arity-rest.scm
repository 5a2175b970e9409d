; A procedure with a rest parameter still requires its fixed parameters.
(define (at-least-one first . rest) first)
(display (at-least-one 1 2 3))
(newline)
(at-least-one)
; expect: 1
; expect error at 5:1: at-least-one: expected at least 1 argument, got 0
