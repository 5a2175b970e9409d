; The end-of-file object is recognised by eof-object? and distinct from ordinary values.
(define (show x) (write x) (newline))
(show (eof-object? (eof-object)))
; expect: #t
(show (map eof-object? (list '() #f "" 0)))
; expect: (#f #f #f #f)
