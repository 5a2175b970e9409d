; apply in tail position is a proper tail call.
(define (loop-apply n acc)
  (if (= n 0) acc (apply loop-apply (list (- n 1) (+ acc 1)))))
(display (loop-apply 3000000 0))
(newline)
; expect: 3000000
