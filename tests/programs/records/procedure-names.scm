; A record type's procedures are named in errors by the names the program
; gives them, whether the type is defined at top level or in a body.
(define-record-type point (mk x y) p? (x px set-px!) (y py))
(define (message thunk)
  (guard (e ((error-object? e) (error-object-message e))) (thunk)))
(display (message (lambda () (px 5)))) (newline)
; expect: px: expected a record of type point, got 5
(display (message (lambda () (set-px! 'a 1)))) (newline)
; expect: set-px!: expected a record of type point, got a
(display (message (lambda () (mk 1)))) (newline)
; expect: mk: expected 2 arguments, got 1
(display (list (p? (mk 1 2)) (p? 5) (px (mk 1 2)))) (newline)
; expect: (#t #f 1)
(define (local)
  (define-record-type <pair2> (kons a d) kons? (a kar set-kar!) (d kdr))
  (display (message (lambda () (kar 5)))) (newline)
  (display (message (lambda () (set-kar! "s" 1)))) (newline)
  (display (message (lambda () (kons 1 2 3)))) (newline)
  (let ((k (kons 1 2)))
    (set-kar! k 10)
    (display (list (kons? k) (kons? 'k) (kar k) (kdr k))) (newline)))
(local)
; expect: kar: expected a record of type pair2, got 5
; expect: set-kar!: expected a record of type pair2, got "s"
; expect: kons: expected 2 arguments, got 3
; expect: (#t #f 10 2)
(define (f p) (py p))
(f 'nope)
; expect error at 27:15: py: expected a record of type point, got nope
