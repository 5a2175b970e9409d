; Factory parameters are read-only.
(define-class (Point x y)
  (method (move! dx)
    (set! x (+ x dx))))
