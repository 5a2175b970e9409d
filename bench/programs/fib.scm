; fib(30): non-tail recursion and fixnum arithmetic; every call is a call.
(define (fib n)
  (if (< n 2)
      n
      (+ (fib (- n 1)) (fib (- n 2)))))
(display (fib 30))
(newline)
; expect: 832040
