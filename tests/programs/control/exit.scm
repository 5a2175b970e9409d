; exit stops the program at once with the given status; output already written is kept.
(display "before exit")
(newline)
; expect: before exit
(exit 0)
(display "never printed")
(newline)
