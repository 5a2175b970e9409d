; error with irritants: the message, then each irritant written.
(display "about to fail")
(newline)
(error "msg" 1 "two")
; expect: about to fail
; expect error at 4:1: msg 1 "two"
