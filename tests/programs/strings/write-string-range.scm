; write-string takes an optional port and range, to the console or to a
; program's own port object.
(define-class (Tape)
  (slot pieces '())
  (method (write-string s) (set! pieces (cons s pieces)))
  (method (newline) (write-string "\n"))
  (method (text) (apply string-append (reverse pieces))))
(define tape (Tape))
(write-string "hello world" tape 0 5)
(write-string "hello world" tape 5)
(write-char #\! tape)
(newline tape)
(write (send tape text)) (newline)
; expect: "hello world!\n"
(write-string "abcdef" (current-output-port) 2 4) (newline)
; expect: cd
(write-string "abcdef" (current-output-port) 3) (newline)
; expect: def
