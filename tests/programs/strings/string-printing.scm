; display prints a string's characters; write quotes it and escapes quotes and backslashes.
(display "plain")
(newline)
; expect: plain
(write "plain")
(newline)
; expect: "plain"
(write "a\"b\\c")
(newline)
; expect: "a\"b\\c"
(display '("in" "a" "list"))
(newline)
; expect: (in a list)
(write '("in" "a" "list"))
(newline)
; expect: ("in" "a" "list")
(write "")
(newline)
; expect: ""
