; with-output-to-file and with-input-from-file: the file is the current output (input) port while the thunk runs, then closed; the console and standard input come back after.
; args: target/with-output-to-file-{engine}.tmp
; stdin: from standard input
(define path (cadr (command-line)))
(define answer
  (with-output-to-file path
    (lambda ()
      (display "line one")
      (newline)
      (write '(2 "two" #\2))
      (write-char #\!)
      (write-string "--tail--" (current-output-port) 2 6)
      (newline)
      'the-thunk-answer)))
(write answer) (newline)                                     ; expect: the-thunk-answer
(write (call-with-input-file path (lambda (port) (list (read-line port) (read-line port) (read-line port)))))
(newline)                                                    ; expect: ("line one" "(2 \"two\" #\\2)!tail" #<eof>)
(define lines
  (with-input-from-file path
    (lambda ()
      (let ((first (read-line)))
        (list first (read) (read-char) (peek-char) (read-string 4) (char-ready?) (eq? (current-input-port) (current-input-port)))))))
(write lines) (newline)                                      ; expect: ("line one" (2 "two" #\2) #\! #\t "tail" #t #t)
(write (read-line)) (newline)                                ; expect: "from standard input"
(write (output-port? (current-output-port))) (newline)       ; expect: #t
; Nested: the inner file takes the output only while its thunk runs.
(with-output-to-file path
  (lambda ()
    (display "outer ")
    (with-output-to-file (string-append path ".inner") (lambda () (display "inner")))
    (display "again")))
(write (list (call-with-input-file path read-line) (call-with-input-file (string-append path ".inner") read-line)))
(newline)                                                    ; expect: ("outer again" "inner")
(delete-file (string-append path ".inner"))
(delete-file path)
(write (guard (e ((file-error? e) 'file-error)) (with-input-from-file "no/such/file.txt" read-line)))
(newline)                                                    ; expect: file-error
(with-output-to-file path (lambda () (display "lost") (vector-ref (vector) 0)))
; expect error at 38:55: vector-ref: index 0 out of range for length 0
