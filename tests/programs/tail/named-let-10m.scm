; Proper tail calls: a named let loop of N iterations runs in constant space, N from the command line (10,000,000; fewer on the simulator).
; args: 10000000
; sim-args: 200000
(define n (string->number (cadr (command-line))))
(define (count-up n)
  (let loop ((i 0) (acc 0))
    (if (= i n) acc (loop (+ i 1) (+ acc 1)))))
(display (= (count-up n) n))
(newline)
; expect: #t
