;; Bytevector ports, and the port predicates over every kind of port.
(define out (open-output-bytevector))
(write-u8 1 out)
(write-bytevector #u8(2 3 4 5) out)
(write-bytevector #u8(9 6 7 9) out 1 3)
(write (get-output-bytevector out)) (newline)                ; expect: #u8(1 2 3 4 5 6 7)
(define in (open-input-bytevector #u8(10 20 30 40 50)))
(write (list (peek-u8 in) (read-u8 in) (u8-ready? in))) (newline)  ; expect: (10 10 #t)
(write (read-bytevector 2 in)) (newline)                     ; expect: #u8(20 30)
(define buffer (make-bytevector 4 0))
(write (read-bytevector! buffer in 1)) (newline)             ; expect: 2
(write buffer) (newline)                                     ; expect: #u8(0 40 50 0)
(write (map eof-object? (list (read-u8 in) (peek-u8 in) (read-bytevector 3 in) (read-bytevector! buffer in))))
(newline)                                                    ; expect: (#t #t #t #t)
(write (map binary-port? (list in out (open-input-string "") (current-output-port)))) (newline)  ; expect: (#t #t #f #f)
(write (map textual-port? (list in out (open-input-string "") (current-output-port) (current-error-port)))) (newline)  ; expect: (#f #f #t #t #t)
(write (map port? (list in (open-output-string) (current-output-port) 42 "s"))) (newline)  ; expect: (#t #t #t #f #f)
(write (map input-port? (list in out (current-input-port) (current-output-port)))) (newline)  ; expect: (#t #f #t #f)
(write (map output-port? (list in out (open-output-string) (current-output-port) (current-error-port)))) (newline)  ; expect: (#f #t #t #t #t)
(write (list (input-port-open? in) (output-port-open? out) (output-port-open? (current-output-port)))) (newline)  ; expect: (#t #t #t)
(write (call-with-port (open-input-bytevector #u8(7)) read-u8)) (newline)  ; expect: 7
(close-port in)
(close-output-port out)
(write (list (input-port-open? in) (output-port-open? out))) (newline)  ; expect: (#f #f)
(write (guard (e ((error-object? e) (error-object-message e))) (read-u8 in))) (newline)  ; expect: "read-u8: the bytevector port is closed"
(write (guard (e ((error-object? e) (error-object-message e))) (write-u8 1))) (newline)  ; expect: "write-u8: no port given (the console is a textual port)"
(write (guard (e ((error-object? e) (error-object-message e))) (read-char (open-input-bytevector #u8(65))))) (newline)  ; expect: "read-char: expected a textual input port, got"
(write (guard (e ((error-object? e) (list (error-object-message e) (error-object-irritants e)))) (write-u8 256 (open-output-bytevector))))
(newline)                                                    ; expect: ("write-u8: expected a byte, got" (256))
