; Record types and builtin procedures print by the names the program knows.
(define-record-type <point> (make-point x y) point? (x point-x) (y point-y))
(write (list <point> make-point point-x car vector-ref)) (newline)
; expect: (#<record-type point> #<procedure make-point> #<procedure point-x> #<procedure car> #<procedure vector-ref>)
(write (make-point 1 2)) (newline)
; expect: #<point>
