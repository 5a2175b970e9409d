; Many calls of a procedure with a named let (each call makes a frame that refers to itself; Interp::sweep_cycles frees them, measured in the issue notes) run correctly.
(define (count-to n) (let loop ((i 0)) (if (< i n) (loop (+ i 1)) i)))
(define (repeat k total)
  (if (= k 0) total (repeat (- k 1) (+ total (count-to 2)))))
(display (repeat 2000000 0))
(newline)
; expect: 4000000
