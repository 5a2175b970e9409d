; Calling a string is an error that writes the non-procedure with quotes.
("hello" 1 2)
; expect error: not a procedure: "hello"
