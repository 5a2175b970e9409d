(display "fine")
(set! 5 6)
