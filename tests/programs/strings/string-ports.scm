; String ports: output ports keep what display, write, write-char and
; write-string print; input ports read characters, lines and strings.
(define (show x) (write x) (newline))
(define out (open-output-string))
(write 'abc out)
(display " " out)
(write "x\ny" out)
(write-char #\! out)
(newline out)
(display 3.5 out)
(write-string "hello" out 1 3)
(write (list 1 "a" #\b (vector 'c)) out)
(show (get-output-string out))
; expect: "abc \"x\\ny\"!\n3.5el(1 \"a\" #\\b #(c))"
(display "more" out)
(show (get-output-string out))
; expect: "abc \"x\\ny\"!\n3.5el(1 \"a\" #\\b #(c))more"
(define text (get-output-string out))
(string-set! text 0 #\Z)
(show (substring (get-output-string out) 0 3))
; expect: "abc"
(show (get-output-string (open-output-string)))
; expect: ""
(define s (make-string 3 #\a))
(define copied (open-output-string))
(write-string s copied)
(string-set! s 0 #\b)
(show (get-output-string copied))
; expect: "aaa"
(define in (open-input-string "ab\ncd\n\nlast"))
(show (list (read-char in) (peek-char in) (read-char in)))
; expect: (#\a #\b #\b)
(show (list (read-line in) (read-line in) (read-line in) (read-line in)))
; expect: ("" "cd" "" "last")
(show (list (eof-object? (read-line in)) (eof-object? (read-char in)) (eof-object? (peek-char in))))
; expect: (#t #t #t)
(define words (open-input-string "hello world"))
(show (list (read-string 3 words) (read-string 100 words) (eof-object? (read-string 1 words)) (read-string 0 words)))
; expect: ("hel" "lo world" #t "")
(show (call-with-output-string (lambda (port) (display "n=" port) (display (* 6 7) port))))
; expect: "n=42"
(show (list (char-ready? words) (input-port? words) (input-port? out) (input-port? "text")))
; expect: (#t #t #f #f)
(define (count-lines port)
  (let loop ((n 0))
    (if (eof-object? (read-line port)) n (loop (+ n 1)))))
(show (count-lines (open-input-string "one\ntwo\nthree\n")))
; expect: 3
(close-port words)
(show (guard (e ((error-object? e) (error-object-message e))) (read-char words)))
; expect: "read-char: the string port is closed"
(show (guard (e ((error-object? e) (list (error-object-message e) (error-object-irritants e)))) (get-output-string 5)))
; expect: ("get-output-string: expected a string output port, got" (5))
;; In the entry module, read-line reads standard input (empty here); a
;; module has none unless it is handed a port.
(show (eof-object? (read-line)))
; expect: #t
(define-module (LineReader) (method (line) (read-line)))
(show (guard (e ((error-object? e) (error-object-message e))) (send (LineReader) line)))
; expect: "read-line: no port given (standard input is the entry module's)"
