;; current-jiffy counts jiffies-per-second per second, from the program's
;; start, and never goes back.
(define t0 (current-jiffy))
(write (exact-integer? t0)) (newline)                        ; expect: #t
(write (>= t0 0)) (newline)                                  ; expect: #t
(write (jiffies-per-second)) (newline)                       ; expect: 1000
(define (spin n) (if (> n 0) (spin (- n 1)) 'done))
(spin 100000)
(write (>= (current-jiffy) t0)) (newline)                    ; expect: #t
(write (< (- (current-jiffy) t0) (* 600 (jiffies-per-second)))) (newline)  ; expect: #t
