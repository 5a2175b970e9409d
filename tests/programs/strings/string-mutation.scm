; make-string and string-set! on fresh strings; string-copy makes a mutable copy.
(define (show x) (write x) (newline))
(define s (make-string 3 #\-))
(show s)
; expect: "---"
(string-set! s 1 #\x)
(show s)
; expect: "-x-"
(show (string-length (make-string 5)))
; expect: 5
(define lit "abc")
(define c (string-copy lit))
(string-set! c 0 #\z)
(show (list lit c))
; expect: ("abc" "zbc")
(define t (string #\a #\b))
(string-set! t 1 #\c)
(show t)
; expect: "ac"
(define a (string-append "x" "y"))
(string-set! a 0 #\w)
(show a)
; expect: "wy"
(show (make-string 0 #\a))
; expect: ""
