; The files capability runs an executable file and waits for it (its exit
; status, or 128+N for a signal), makes a file executable, and deletes a
; file.  The child writes to
; the same stdout, after what the program wrote before it.
; args: /tmp/utena-files-run-delete.seed-native
; sim-args: /tmp/utena-files-run-delete.sim
(define files (send platform files))
(display "before the child")
(newline)
(write (send files run "/bin/sh" '("-c" "echo from the child; exit 3")))
(newline)
(write (send files run "/bin/sh" '("-c" "kill -9 $$")))
(newline)
(write (send files run "/bin/true" '()))
(newline)
(define scratch (cadr (command-line)))
(send files write-file scratch "x")
(write (send files exists? scratch))
(send files delete scratch)
(write (send files exists? scratch))
(newline)
; A script written, made executable (mode 0755) and run.
(send files write-file scratch "#!/bin/sh\necho from the script\nexit 5\n")
(send files make-executable scratch)
(write (send files run scratch '()))
(newline)
(send files delete scratch)
(define (message thunk) (guard (e ((error-object? e) (error-object-message e))) (thunk)))
(write (message (lambda () (send files run "/nonexistent/program" '()))))
(newline)
(write (message (lambda () (send files run "/bin/true" '(1 2)))))
(newline)
(write (message (lambda () (send files run "/bin/true" 'all))))
(newline)
(write (message (lambda () (send files delete "/nonexistent/file"))))
(newline)
(write (message (lambda () (send files make-executable "/nonexistent/file"))))
(newline)
; expect: before the child
; expect: from the child
; expect: 3
; expect: 137
; expect: 0
; expect: #t#f
; expect: from the script
; expect: 5
; expect: "run: cannot run /nonexistent/program: No such file or directory (os error 2)"
; expect: "run: expected a string, got 1"
; expect: "run: expected a list of strings, got all"
; expect: "delete: cannot delete /nonexistent/file: No such file or directory (os error 2)"
; expect: "make-executable: cannot chmod /nonexistent/file: No such file or directory (os error 2)"
