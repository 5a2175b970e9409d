; A while loop macro with a hygienic loop name, used inside a procedure with a variable named loop.
(define (show x) (display x) (newline))
(define-syntax while
  (syntax-rules ()
    ((_ cond body ...) (let loop () (when cond body ... (loop))))))
(define i 0)
(define total 0)
(while (< i 10) (set! total (+ total i)) (set! i (+ i 1)))
(show total)
; expect: 45
(define (count-down loop)
  (let ((out '()))
    (while (> loop 0) (set! out (cons loop out)) (set! loop (- loop 1)))
    out))
(show (count-down 4))
; expect: (1 2 3 4)
