; `utena sim heap`: the graph of the heap this program leaves must show the
; global `xs` (a cell) pointing at a three-pair list whose cars are 1, 2
; and 3, and the global `greeting` at its string (tools/tests/sim.rs).
(define xs (list 1 2 3))
(define greeting (string-append "hel" "lo"))
(display (length xs))
(newline)
; expect: 3
