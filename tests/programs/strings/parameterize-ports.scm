; The current ports are parameters (R7RS): parameterize rebinds them for display, write, newline, read-line and the rest, and the old port comes back however the body is left.
; stdin: standard input's line
(define console (current-output-port))
(define out (open-output-string))
(parameterize ((current-output-port out))
  (display "inside")
  (write-char #\space)
  (write "quoted")
  (newline)
  (flush-output-port))
(write (get-output-string out)) (newline)                    ; expect: "inside \"quoted\"\n"
(display "on the console") (newline)                         ; expect: on the console
; Leaving the body by an error or an escape puts the console back.
(define escaped
  (call/cc (lambda (k)
             (parameterize ((current-output-port out))
               (display " escaping")
               (k 'escaped)))))
(write (list escaped (get-output-string out))) (newline)     ; expect: (escaped "inside \"quoted\"\n escaping")
(write (guard (e (#t (error-object-message e)))
         (parameterize ((current-output-port out)) (error "failed inside"))))
(newline)                                                    ; expect: "failed inside"
(write (eq? (current-output-port) out)) (newline)            ; expect: #f
; Nested parameterize, and the error port.
(define inner (open-output-string))
(define errors (open-output-string))
(parameterize ((current-output-port out) (current-error-port errors))
  (parameterize ((current-output-port inner))
    (display "deep"))
  (display " shallow")
  (display "warning" (current-error-port)))
(write (list (get-output-string inner) (get-output-string errors))) (newline)  ; expect: ("deep" "warning")
; The input port: read-line and friends read the parameterized port, then standard input again.
(write (parameterize ((current-input-port (open-input-string "given\n(a datum)")))
         (list (read-line) (read) (eof-object? (read-char)))))
(newline)                                                    ; expect: ("given" (a datum) #t)
(write (read-line)) (newline)                                ; expect: "standard input's line"
; The console is still a port while another is current.
(write (parameterize ((current-output-port out))
         (list (output-port? console) (textual-port? console) (output-port-open? console) (port? console)
               (eq? (current-output-port) console))))
(newline)                                                    ; expect: (#t #t #t #t #f)
