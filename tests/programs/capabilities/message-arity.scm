; A platform capability sent a message with the wrong count of arguments:
; the error names the message and both counts, in the seed's words, on
; every engine, and a handler catches it like any other error.
(define console (send platform console))
(define (attempt thunk)
  (guard (e ((error-object? e) (display (error-object-message e)) (newline)))
    (thunk)
    (display "no error")
    (newline)))
(attempt (lambda () (send console display)))
(attempt (lambda () (send console write "a" "b")))
(attempt (lambda () (send console write-string "a" "b")))
(attempt (lambda () (send console newline 1)))
(attempt (lambda () (send (send platform files) exists?)))
(attempt (lambda () (send (send platform clock) milliseconds 1)))
(attempt (lambda () (send platform exit 0 1)))
(attempt (lambda () (send platform console 1)))
(send console display "still writing")
(send console newline)
; exit takes no status too (0), as on the seed: nothing after it runs.
(send platform exit)
(send console display "not reached")
; expect: display: expected 1 argument, got 0
; expect: write: expected 1 argument, got 2
; expect: write-string: expected 1 argument, got 2
; expect: newline: expected 0 arguments, got 1
; expect: exists?: expected 1 argument, got 0
; expect: milliseconds: expected 0 arguments, got 1
; expect: exit: expected 0 to 1 arguments, got 2
; expect: console: expected 0 arguments, got 1
; expect: still writing
