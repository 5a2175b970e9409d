; do loops iterate in constant space: 5,000,000 steps.
(display (do ((i 0 (+ i 1)) (sum 0 (+ sum 2))) ((= i 5000000) sum)))
(newline)
; expect: 10000000
