; if: only #f is false; one-armed if; nested conditionals.
(define (show x) (display x) (newline))
(show (if 0 'true 'false))
; expect: true
(show (if '() 'true 'false))
; expect: true
(show (if "" 'true 'false))
; expect: true
(show (if #f 'true 'false))
; expect: false
(if #f (show "never"))
(if #t (show "one-armed"))
; expect: one-armed
(show (if (if #f #f #t) (if #t 'a 'b) 'c))
; expect: a
