; Many calls of a procedure with a named let (each call makes a frame that refers to itself; Interp::sweep_cycles frees them, measured in the issue notes) run correctly: N calls, N from the command line (2,000,000; fewer on the simulator).
; args: 2000000
; sim-args: 50000
(define n (string->number (cadr (command-line))))
(define (count-to n) (let loop ((i 0)) (if (< i n) (loop (+ i 1)) i)))
(define (repeat k total)
  (if (= k 0) total (repeat (- k 1) (+ total (count-to 2)))))
(display (= (repeat n 0) (* 2 n)))
(newline)
; expect: #t
