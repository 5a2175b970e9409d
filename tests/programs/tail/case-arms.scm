; Proper tail calls from case clauses, including else.
(define (loop-case n)
  (case (remainder n 3)
    ((0) (if (= n 0) 'case-done (loop-case (- n 1))))
    ((1) (loop-case (- n 1)))
    (else (loop-case (- n 1)))))
(display (loop-case 3000000))
(newline)
; expect: case-done
