; The Ackermann function for small arguments.
(define (ack m n)
  (cond ((= m 0) (+ n 1))
        ((= n 0) (ack (- m 1) 1))
        (else (ack (- m 1) (ack m (- n 1))))))
(display (list (ack 0 0) (ack 1 2) (ack 2 3) (ack 3 3)))
(newline)
; expect: (1 4 9 61)
