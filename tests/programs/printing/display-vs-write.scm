; display and write agree on numbers, symbols and booleans and differ on strings and characters.
(define (both x) (display x) (display " | ") (write x) (newline))
(both 42)
; expect: 42 | 42
(both -2.5)
; expect: -2.5 | -2.5
(both 'sym)
; expect: sym | sym
(both #f)
; expect: #f | #f
(both "text")
; expect: text | "text"
(both #\z)
; expect: z | #\z
(both '())
; expect: () | ()
