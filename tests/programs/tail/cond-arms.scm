; Proper tail calls from cond clauses, including an else clause and a => receiver.
(define (loop-cond n)
  (cond ((= n 0) 'done)
        ((odd? n) (loop-cond (- n 1)))
        (else (loop-cond (- n 1)))))
(display (loop-cond 3000000))
(newline)
; expect: done
(define (loop-arrow n)
  (cond ((= n 0) 'arrow-done)
        ((- n 1) => loop-arrow)))
(display (loop-arrow 3000000))
(newline)
; expect: arrow-done
