; cond: ordinary clauses, else, test-only clauses and => receivers.
(define (show x) (display x) (newline))
(define (classify n) (cond ((< n 0) 'negative) ((= n 0) 'zero) (else 'positive)))
(show (list (classify -5) (classify 0) (classify 5)))
; expect: (negative zero positive)
(show (cond ((assv 2 '((1 . one) (2 . two))) => cdr) (else 'none)))
; expect: two
(show (cond ((assv 3 '((1 . one) (2 . two))) => cdr) (else 'none)))
; expect: none
(show (cond (#f 1) ((+ 2 3))))
; expect: 5
(show (cond ((memv 3 '(1 2 3 4)) => length)))
; expect: 2
(show (cond (#t (display "a") (display "b") 'c)))
; expect: abc
(show (cond ((> 1 2) 'no) ((< 1 2) 'yes) (else 'never)))
; expect: yes
