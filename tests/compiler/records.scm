; Records, multiple values, case-lambda, guard and parameterize: a
; top-level define-record-type makes its type at compile time (record
; opcodes; see record-types.scm), define-values and let-values are
; `receive`; case-lambda, guard and parameterize expand to calls of the
; kernel's procedures.
(define-record-type point
  (make-point x y)
  point?
  (x point-x set-point-x!)
  (y point-y))

(define-values (q r) (floor/ 7 2))

(define (norm p)
  (let-values (((a b) (values (point-x p) (point-y p))))
    (+ (* a a) (* b b))))

(define area
  (case-lambda
    ((side) (* side side))
    ((width height) (* width height))))

(define radix (make-parameter 10))

(define (safe-div a b)
  (guard (e ((error-object? e) (error-object-message e))
            (else 'unknown))
    (parameterize ((radix 2))
      (/ a b))))
