; and, or, when, unless: values returned and short-circuit evaluation.
(define (show x) (display x) (newline))
(show (list (and) (and 1 2 3) (and 1 #f 3)))
; expect: (#t 3 #f)
(show (list (or) (or #f 2 3) (or #f #f)))
; expect: (#f 2 #f)
(show (and 1 (begin (display "evaluated ") 2)))
; expect: evaluated 2
(show (or 1 (begin (display "never") 2)))
; expect: 1
(show (and #f (begin (display "never") 2)))
; expect: #f
(when (> 3 2) (display "when-yes") (newline))
; expect: when-yes
(when (< 3 2) (display "when-no") (newline))
(unless (< 3 2) (display "unless-yes") (newline))
; expect: unless-yes
(unless (> 3 2) (display "unless-no") (newline))
(show (when #t 'a 'b 'c))
; expect: c
(show (unless #f 'x 'y))
; expect: y
(show (or (memq 'c '(a b c d)) 'none))
; expect: (c d)
