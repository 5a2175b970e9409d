; tail-loop: N iterations of a named-let loop; must run in constant space.
; size: 5000000
; expect: 12499997500000
; sim-size: 200000
; expect: 19999900000
(define (sum-below n)
  (let loop ((i 0) (acc 0))
    (if (= i n)
        acc
        (loop (+ i 1) (+ acc i)))))
(display (sum-below (string->number (cadr (command-line)))))
(newline)
