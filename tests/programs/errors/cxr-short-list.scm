; cadr and caddr are inline in native code; a list too short still gets the
; library's report, at the call.
(define (second x) (cadr x))
(define (third x) (caddr x))
(display (list (second (list 1 2)) (third (list 1 2 3))))
(newline)
; expect: (2 3)
(third (list 1 2))
; expect error at 4:19: caddr: expected a pair, got ()
