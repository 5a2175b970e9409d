; Top-level definitions of even? and odd? shadow the builtins and call each other in tail position.
(define (even? n) (if (= n 0) #t (odd? (- n 1))))
(define (odd? n) (if (= n 0) #f (even? (- n 1))))
(display (list (even? 1000000) (odd? 7) (even? 7)))
(newline)
; expect: (#t #t #f)
