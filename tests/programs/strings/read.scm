;; read: data with the lexical syntax of programs, from string ports; errors
;; are read errors, and the port stays usable.
(define p (open-input-string "42 -7 3.5 foo \"str\\n\\x3bb;\" #\\a #\\space #\\x41 (1 [2 3] . 4) #(1 #t) #u8(1 255) 'q `(a ,b ,@c) |two words| #;(skipped) #| block #| nested |# |# #xff #true ; comment\n end"))
(let loop ((x (read p)))
  (unless (eof-object? x)
    (write x) (newline)
    (loop (read p))))
(write (eof-object? (read p))) (newline)
(define (try s)
  (guard (e ((read-error? e) (display (error-object-message e)) (newline)))
    (write (read (open-input-string s))) (newline)))
(for-each try '("(1 2" ")" "\"abc" "#\\bogus" "1/2" "99999999999999999999" "(1 . )" "(. 1)" "#u8(256)" "#|" "#q" "\"\\q\"" "(a . b c)" "" "   ; only a comment" "#\\x110000" "(1 . 2)"))
(define q (open-input-string "(a b) rest"))
(read q)
(write (read-line q)) (newline)
; expect: 42
; expect: -7
; expect: 3.5
; expect: foo
; expect: "str\nλ"
; expect: #\a
; expect: #\space
; expect: #\A
; expect: (1 (2 3) . 4)
; expect: #(1 #t)
; expect: #u8(1 255)
; expect: (quote q)
; expect: (quasiquote (a (unquote b) (unquote-splicing c)))
; expect: |two words|
; expect: 255
; expect: #t
; expect: end
; expect: #t
; expect: read: unexpected end of input in a list
; expect: read: unexpected `)`
; expect: read: unterminated string or |symbol|
; expect: read: unknown character #\bogus
; expect: read: 1/2: Utena has no exact rationals
; expect: read: integer 99999999999999999999 does not fit in 64 bits
; expect: read: unexpected `)`
; expect: read: nothing before `.` in a list
; expect: read: a bytevector's elements are integers from 0 to 255
; expect: read: unterminated block comment
; expect: read: bad syntax `#q`
; expect: read: unknown escape `\q`
; expect: read: expected one datum after `.` and a closing bracket
; expect: #<eof>
; expect: #<eof>
; expect: read: bad code point `110000`
; expect: (1 . 2)
; expect: " rest"
