; command-line returns the program path followed by the program's arguments.
; args: alpha beta gamma
(write (cdr (command-line)))
(newline)
; expect: ("alpha" "beta" "gamma")
(display (length (command-line)))
(newline)
; expect: 4
(display (string? (car (command-line))))
(newline)
; expect: #t
