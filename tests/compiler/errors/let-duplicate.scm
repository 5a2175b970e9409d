; A let binding one name twice is the duplicate parameter of the lambda it
; expands to, inlined or not.
(define (f)
  (let ((a 1) (a 2))
    a))
