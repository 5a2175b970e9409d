; A program that defines its own `+` (and `car`) calls its own: no `add`,
; no `builtin`, even in calls compiled before the definition.
(define (use a b) (+ (car a) b))
(define (+ a b) (- a b))
(define car cdr)
(define (again a b) (+ a b))
; `set!` of a name the program defines is an ordinary assignment.
(set! car 5)
