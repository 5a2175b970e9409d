; An error inside macro expansions keeps the position of the text it is about.
(define (g)
  (when #t
    (let ((y 1))
      (set! 5 y))))
