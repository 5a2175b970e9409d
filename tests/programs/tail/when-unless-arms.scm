; Proper tail calls from the last body expression of when and unless.
(define (loop-when n acc) (if (= n 0) acc (when #t (loop-when (- n 1) (+ acc 1)))))
(define (loop-unless n acc) (if (= n 0) acc (unless #f (loop-unless (- n 1) (+ acc 2)))))
(display (list (loop-when 3000000 0) (loop-unless 3000000 0)))
(newline)
; expect: (3000000 6000000)
