; include splices another file's forms, at top level and in a body; its macros and definitions are usable after it.
(include "include-helpers.inc")
(define x 1)
(define y 2)
(swap! x y)
(display (list x y (double 21)))
(newline)
(define (local)
  (include "include-helpers.inc")
  (double 5))
(display (local))
(newline)
; expect: (2 1 42)
; expect: 10
