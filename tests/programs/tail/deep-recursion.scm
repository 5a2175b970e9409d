; Non-tail recursion 1,000,000 deep succeeds: (+ 1 (f (- n 1))).
(define (depth n) (if (= n 0) 0 (+ 1 (depth (- n 1)))))
(display (depth 1000000))
(newline)
; expect: 1000000
