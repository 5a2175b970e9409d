; define-record-type: constructor, predicate, accessors and modifiers.
(define (show x) (write x) (newline))
(define-record-type point
  (make-point x y)
  point?
  (x point-x set-point-x!)
  (y point-y))
(define p (make-point 3 4))
(show (list (point-x p) (point-y p)))
; expect: (3 4)
(set-point-x! p 10)
(show (point-x p))
; expect: 10
(show (list (point? p) (point? 5) (point? (vector 3 4)) (point? '(3 4))))
; expect: (#t #f #f #f)
(show (procedure? make-point))
; expect: #t
