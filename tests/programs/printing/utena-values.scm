; Utena's printed forms for procedures, records, the end-of-file object and the unspecified value.
(define (square-it x) (* x x))
(display square-it)
(newline)
; expect: #<procedure square-it>
(write (lambda (x) x))
(newline)
; expect: #<procedure>
(define-record-type point (make-point x y) point? (x point-x) (y point-y))
(display (make-point 1 2))
(newline)
; expect: #<point>
(write (list (make-point 1 2)))
(newline)
; expect: (#<point>)
(write (eof-object))
(newline)
; expect: #<eof>
(write (list (if #f #f)))
(newline)
; expect: (#<unspecified>)
