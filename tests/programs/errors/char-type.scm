; char->integer on a string is a wrong-type error.
(display 'ok)
(newline)
(char->integer "a")
; expect: ok
; expect error at 4:1: char->integer: expected a character, got "a"
