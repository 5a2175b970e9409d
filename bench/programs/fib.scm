; fib(N): non-tail recursion and fixnum arithmetic; every call is a call.
; size: 30
; expect: 832040
; sim-size: 22
; expect: 17711
(define (fib n)
  (if (< n 2)
      n
      (+ (fib (- n 1)) (fib (- n 2)))))
(display (fib (string->number (cadr (command-line)))))
(newline)
