; error irritants that are symbols, lists and characters are written after the message.
(define (check-positive n) (if (< n 0) (error "not positive:" n 'in '(check-positive) #\!) n))
(display (check-positive 5))
(newline)
(check-positive -3)
; expect: 5
; expect error at 2:40: not positive: -3 in (check-positive) #\!
