; An uncaught raise of a non-error object reports the object written.
(display "raising")
(newline)
(raise (list 'bad "value" 42))
; expect: raising
; expect error at 4:1: uncaught exception: (bad "value" 42)
