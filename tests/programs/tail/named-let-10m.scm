; Proper tail calls: a named let loop of 10,000,000 iterations runs in constant space.
(define (count-up n)
  (let loop ((i 0) (acc 0))
    (if (= i n) acc (loop (+ i 1) (+ acc 1)))))
(display (count-up 10000000))
(newline)
; expect: 10000000
