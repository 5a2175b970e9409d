;; Files as ports in the entry module: written whole when closed or
;; flushed, read whole when opened.  The file's name is the argument: the
;; harness names it apart for each engine.
; args: target/file-ports-{engine}.tmp
(define path (cadr (command-line)))
(when (file-exists? path) (delete-file path))
(write (file-exists? path)) (newline)                        ; expect: #f
(call-with-output-file path
  (lambda (port)
    (write '(1 "two" #\3) port)
    (newline port)
    (display "second line" port)))
(write (file-exists? path)) (newline)                        ; expect: #t
(write (call-with-input-file path (lambda (port) (list (read port) (read-line port) (read-line port)))))
(newline)                                                    ; expect: ((1 "two" #\3) "" "second line")
;; An output port's text reaches the file at each flush.
(define out (open-output-file path))
(write-string "partial" out)
(write (eof-object? (call-with-input-file path read-line))) (newline)  ; expect: #t
(flush-output-port out)
(write (call-with-input-file path read-line)) (newline)      ; expect: "partial"
(write-string " and more" out)
(close-port out)
(define in (open-input-file path))
(write (read-line in)) (newline)                             ; expect: "partial and more"
(write (eof-object? (read-char in))) (newline)               ; expect: #t
(delete-file path)
(write (file-exists? path)) (newline)                        ; expect: #f
(write (guard (e ((file-error? e) 'file-error)) (open-input-file "no/such/file.txt"))) (newline)  ; expect: file-error
(write (guard (e ((file-error? e) 'file-error)) (delete-file path))) (newline)  ; expect: file-error
(write (file-error? (make-string 1))) (newline)              ; expect: #f
