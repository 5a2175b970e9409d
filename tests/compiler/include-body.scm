; An `include` in a body splices the forms of include.inc into the body:
; its macro and its procedure are local to `local`, and the line table
; names include.inc for the instructions that come from it.
(define (local x)
  (include "include.inc")
  (define y 2)
  (swap! x y)
  (double x))
(display (local 21))
