; Block comments #| |#, nested block comments and comments inside expressions.
(define (show x) (display x) (newline))
#| a block comment
   spanning lines (display "never") |#
(show 1)
; expect: 1
#| outer #| inner |# still a comment (display "never") |#
(show 2)
; expect: 2
(show (+ 1 #| inline |# 2))
; expect: 3
(show '(a #| hidden |# b))
; expect: (a b)
#|#|#||#|#|#
(show "after deep nesting")
; expect: after deep nesting
