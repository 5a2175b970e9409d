; length of an improper list is a wrong-type error.
(length '(1 2 . 3))
; expect error at 2:1: length: expected a list, got (1 2 . 3)
