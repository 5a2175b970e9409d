; Tail calls and non-tail calls; fast arithmetic only with two arguments.
(define (loop i acc)
  (if (> i 100)
      acc
      (loop (+ i 1) (+ acc i))))
(define (sum3 a b c) (+ a b c))
(define (compare a b) (list (<= a b) (>= a b) (= a b)))
(display (loop 0 0))
; The second operand assigns the first: `x` is copied before it runs.
(define (order x)
  (+ x (begin (set! x 10) x)))

; An `if` whose value is an argument: both branches land in the window.
(define (choose flag)
  (display (if flag "yes" "no"))
  (newline))
