; Calling a string is an error that writes the non-procedure with quotes.
("hello" 1 2)
; expect error at 2:1: not a procedure: "hello"
