; apply: with and without leading arguments, on builtins and user procedures.
(define (show x) (write x) (newline))
(show (apply + '(1 2 3)))
; expect: 6
(show (apply + 1 2 '(3 4)))
; expect: 10
(show (apply list '()))
; expect: ()
(show (apply max 3 '(7 2)))
; expect: 7
(show (apply (lambda args (reverse args)) 'a 'b '(c d)))
; expect: (d c b a)
(show (apply apply (list + (list 1 2))))
; expect: 3
(show (apply map list '((1 2 3) (4 5 6))))
; expect: ((1 4) (2 5) (3 6))
(define (compose . fs)
  (if (null? fs) (lambda (x) x)
      (lambda (x) ((car fs) ((apply compose (cdr fs)) x)))))
(show ((compose (lambda (x) (* x 2)) (lambda (x) (+ x 1))) 5))
; expect: 12
