;; Standard input: the entry module's read-line, read-char, peek-char,
;; read-string and char-ready? default to it; current-error-port writes to
;; standard error.
; stdin: first line
; stdin: second
; stdin: αβγ and more
; stdin: 42 tail
(write (read-line)) (newline)                        ; expect: "first line"
(write (peek-char)) (newline)                        ; expect: #\s
(write (read-char)) (newline)                        ; expect: #\s
(write (read-line (current-input-port))) (newline)   ; expect: "econd"
(write (read-string 3)) (newline)                    ; expect: "αβγ"
(write (char-ready?)) (newline)                      ; expect: #t
(write (read-line)) (newline)                        ; expect: " and more"
(write (string->number (read-string 2))) (newline)   ; expect: 42
(write (eq? (current-input-port) (current-input-port))) (newline)  ; expect: #t
(write (input-port? (current-input-port))) (newline) ; expect: #t
(write (read-line)) (newline)                        ; expect: " tail"
(write (eof-object? (read-line))) (newline)          ; expect: #t
(write (eof-object? (read-char))) (newline)          ; expect: #t
(display "to stderr" (current-error-port))
(newline (current-error-port))
(write 'done (current-error-port))
(newline (current-error-port))
; expect stderr: to stderr
; expect stderr: done
;; A string port still works, and the console is still the output.
(write (read-line (open-input-string "x\ny"))) (newline)  ; expect: "x"
(write (eq? (current-output-port) (current-error-port))) (newline)  ; expect: #f
