; syntax-rules literals: matched by identity, so a literal keyword selects the rule.
(define (show x) (display x) (newline))
(define-syntax for
  (syntax-rules (in from to)
    ((_ x in lst body ...) (for-each (lambda (x) body ...) lst))
    ((_ x from a to b body ...) (do ((x a (+ x 1))) ((> x b)) body ...))))
(for x in '(a b c) (display x))
(newline)
; expect: abc
(for i from 1 to 5 (display i))
(newline)
; expect: 12345
(define-syntax arrow
  (syntax-rules (=>)
    ((_ a => b) (list 'forward a b))
    ((_ a b c) (list 'plain a b c))))
(show (arrow 1 => 2))
; expect: (forward 1 2)
(show (arrow 1 2 3))
; expect: (plain 1 2 3)
