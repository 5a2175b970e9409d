; A top-level include splices the forms of include.inc here: its macro and
; its procedure are used below, and their functions' positions name it.
(define before 1)
(include "include.inc")
(define x 1)
(define y 2)
(swap! x y)
(display (list x y (double 21)))
