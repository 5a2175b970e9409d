; Non-local exits: call/cc of a lambda expression is push-exit, its body,
; pop-exit, with the exit point in the parameter's register (a throw to it
; lands there); dynamic-wind of three lambda expressions is before,
; push-cleanup, the thunk, pop-exit, after, with a cleanup landing that
; runs after and rethrows.
(define (find x l)
  (call/cc (lambda (return)
    (for-each (lambda (y) (if (eq? x y) (return y))) l)
    #f)))
(define (first-negative l)
  (+ 1 (call-with-current-continuation (lambda (k) (for-each (lambda (x) (if (< x 0) (k x))) l) 0))))
(define (wind)
  (dynamic-wind (lambda () (display "in ")) (lambda () 'body) (lambda () (display "out "))))
(define (wind-value) (list (dynamic-wind (lambda () 1) (lambda () 2) (lambda () 3))))
; Procedures that are not lambda expressions: ordinary calls.
(define (by-name f) (call/cc f))
(define (wind-thunks before thunk after) (dynamic-wind before thunk after))
(display (list (find 2 '(1 2 3)) (first-negative '(1 -2 3)) (wind) (wind-value)))
