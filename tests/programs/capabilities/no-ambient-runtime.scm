; A program's authority is `platform` alone: the native runtime's own
; procedures behind it are no globals (natively, naming `magic` answered the
; platform's memory, `files` the files capability, without `platform`).
(define (named thunk)
  (guard (e ((error-object? e) (display (error-object-message e)) (newline)))
    (thunk)))
(named (lambda () magic))
(named (lambda () files))
(named (lambda () processes))
(named (lambda () clock))
(named (lambda () collect-garbage!))
(named (lambda () (display (car '(1))) (newline)))
; expect: unbound variable: magic
; expect: unbound variable: files
; expect: unbound variable: processes
; expect: unbound variable: clock
; expect: unbound variable: collect-garbage!
; expect: 1
