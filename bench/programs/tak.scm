; tak: Takeuchi's function from the Gabriel benchmarks; deep mutual calls.
; The size is how many times (tak 18 12 6) runs.
; size: 10
; expect: 7
; sim-size: 1
; expect: 7
(define (tak x y z)
  (if (not (< y x))
      z
      (tak (tak (- x 1) y z)
           (tak (- y 1) z x)
           (tak (- z 1) x y))))
(define (repeat n)
  (let loop ((i 0) (result 0))
    (if (= i n)
        result
        (loop (+ i 1) (tak 18 12 6)))))
(display (repeat (string->number (cadr (command-line)))))
(newline)
