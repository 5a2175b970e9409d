; not: #t only for #f; every other value, including 0 and (), is true.
(define (show x) (write x) (newline))
(show (map not (list #f #t 0 '() "" 'nil)))
; expect: (#t #f #f #f #f #f)
(show (not (not 5)))
; expect: #t
