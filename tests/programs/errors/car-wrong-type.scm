; car of a non-pair is a wrong-type error; output printed before it is flushed first.
(display "before the error")
(newline)
(define (first x) (car x))
(first 5)
(display "never printed")
; expect: before the error
; expect error at 4:19: car: expected a pair, got 5
