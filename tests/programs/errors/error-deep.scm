; An error raised deep inside recursion reports its message after everything printed so far.
(define (walk n)
  (display n)
  (newline)
  (if (= n 0) (vector-ref (vector) 0) (walk2 (- n 1))))
(define (walk2 n) (let ((r (walk n))) r))
(walk 3)
; expect: 3
; expect: 2
; expect: 1
; expect: 0
; expect error at 5:15: vector-ref: index 0 out of range for length 0
