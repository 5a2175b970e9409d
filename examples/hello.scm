; Hello from Utena. Run: cargo run --release -p utena -- run examples/hello.scm [NAME]
; With no argument it greets the world; otherwise it greets each argument.
(define (greet name)
  (display "Hello, ")
  (display name)
  (display "!")
  (newline))

(let ((names (cdr (command-line))))
  (if (null? names)
      (greet "world")
      (for-each greet names)))
