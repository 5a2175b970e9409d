; A wrong number of arguments is an ordinary error: a handler gets it, for a
; program's procedure and for a builtin, called directly or through apply.
; Afterwards the program allocates N lists of a million pairs, which the
; native collector must be free to collect (N from the command line).
; args: 30
; sim-args: 0
(define (show x) (write x) (newline))
(define (message-of thunk)
  (guard (e ((error-object? e) (error-object-message e))) (thunk)))
(define (one x) x)
(show (message-of (lambda () (one))))
; expect: "one: expected 1 argument, got 0"
(show (message-of (lambda () (one 1 2))))
; expect: "one: expected 1 argument, got 2"
(show (message-of (lambda () (apply one '(1 2 3)))))
; expect: "one: expected 1 argument, got 3"
(show (message-of (lambda () (apply car '()))))
; expect: "car: expected 1 argument, got 0"
(define (deep n) (if (= n 0) (one) (+ 1 (deep (- n 1)))))
(show (message-of (lambda () (deep 1000))))
; expect: "one: expected 1 argument, got 0"
(show (one 'still-running))
; expect: still-running
(define (pairs n) (let loop ((i 0) (out '())) (if (= i n) out (loop (+ i 1) (cons i out)))))
(define (churn rounds total)
  (if (= rounds 0)
      total
      (churn (- rounds 1) (+ total (length (pairs 1000000))))))
(show (= (churn (string->number (cadr (command-line))) 0)
         (* 1000000 (string->number (cadr (command-line))))))
; expect: #t
