;; (features) lists the identifiers cond-expand accepts.
(write (features)) (newline)                                 ; expect: (r7rs utena)
(write (cond-expand ((and r7rs utena) 'both) (else 'no))) (newline)  ; expect: both
(define f (features))
(set-car! f 'changed)
(write (features)) (newline)                                 ; expect: (r7rs utena)
