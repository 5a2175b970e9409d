; An R7RS import declaration at the top of a program is accepted and ignored.
(import (scheme base) (scheme write))
(display "imported")
(newline)
; expect: imported
(write (list 1 "two" #\3))
(newline)
; expect: (1 "two" #\3)
