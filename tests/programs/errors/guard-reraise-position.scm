; Regression: an error re-raised by guard (no clause matched) was reported at the guard, not where it happened.
(define (first-of x) (car x))
(guard (e ((string? e) 'caught))
  (first-of 5))
; expect error at 2:22: car: expected a pair, got 5
