; Many lines of output followed by an error: all of them reach standard output.
(do ((i 1 (+ i 1))) ((> i 5)) (display "line ") (display i) (newline))
(car '())
; expect: line 1
; expect: line 2
; expect: line 3
; expect: line 4
; expect: line 5
; expect error at 3:1: car: expected a pair, got ()
