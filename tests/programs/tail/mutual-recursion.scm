; Proper tail calls between two top-level procedures: mutual recursion 1,000,000 deep.
(define (my-even? n) (if (= n 0) #t (my-odd? (- n 1))))
(define (my-odd? n) (if (= n 0) #f (my-even? (- n 1))))
(display (list (my-even? 1000000) (my-odd? 1000000) (my-odd? 1000001)))
(newline)
; expect: (#t #f #t)
