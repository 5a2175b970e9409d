; Characters print as themselves under display and with #\ names under write.
(write #\a)
(write #\space)
(write #\newline)
(newline)
; expect: #\a#\space#\newline
(display #\a)
(display #\space)
(display #\b)
(newline)
; expect: a b
(write (list #\( #\" #\\))
(newline)
; expect: (#\( #\" #\\)
