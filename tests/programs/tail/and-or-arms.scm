; Proper tail calls from the last expression of and and of or.
(define (loop-and n) (if (= n 0) 'and-done (and #t (loop-and (- n 1)))))
(define (loop-or n) (if (= n 0) 'or-done (or #f (loop-or (- n 1)))))
(display (list (loop-and 3000000) (loop-or 3000000)))
(newline)
; expect: (and-done or-done)
