; Self-evaluating literals: numbers, strings, characters, booleans, vectors and bytevectors.
(define (show x) (write x) (newline))
(show 12)
; expect: 12
(show "str")
; expect: "str"
(show #\c)
; expect: #\c
(show #t)
; expect: #t
(show #(1 "two" #\3))
; expect: #(1 "two" #\3)
(show #u8(0 127 255))
; expect: #u8(0 127 255)
(show (vector-ref #(a b c) 1))
; expect: b
