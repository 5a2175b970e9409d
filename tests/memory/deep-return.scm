; Lazy allocation: an object made in the deepest of many frames and
; returned through all of them (the return barrier at each pop) arrives
; intact, and a list built up on the way back keeps every element.
(define (make-deep n)
  (if (= n 0)
      (list (vector 'bottom (string #\o #\k)) 0)
      (let ((below (make-deep (- n 1))))
        (cons n below))))
(define result (make-deep 200))
(display (length result)) (newline)
(display (list-ref result 0)) (newline)
(display (list-ref result 200)) (newline)
(display (vector-ref (list-ref result 200) 1)) (newline)
(display (apply + (filter number? result))) (newline)
; expect: 202
; expect: 200
; expect: #(bottom ok)
; expect: ok
; expect: 20100
