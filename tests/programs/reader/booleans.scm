; Boolean literals in their short and long spellings.
(define (show x) (write x) (newline))
(show (list #t #f #true #false))
; expect: (#t #f #t #f)
(show (eq? #t #true))
; expect: #t
(show (eq? #f #false))
; expect: #t
(show (if #false 'yes 'no))
; expect: no
