; case-lambda, parameterize and promises: forms whose expansions call run-time
; helpers of the language (a program that uses them needs those helpers).
; A chain of N delay-force steps is forced in constant space (N from the
; command line; fewer on the simulator).
; args: 100000
; sim-args: 1000
(define steps (string->number (cadr (command-line))))
(define (show x) (write x) (newline))
(define area
  (case-lambda
    ((r) (* 3 r r))
    ((w h) (* w h))
    ((w h . more) (list 'too-many more))))
(show (list (area 2) (area 2 5) (area 1 2 3 4)))
; expect: (12 10 (too-many (3 4)))
(define radix (make-parameter 10))
(define (in-radix n) (number->string n (radix)))
(show (list (in-radix 255) (parameterize ((radix 16)) (in-radix 255)) (in-radix 255)))
; expect: ("255" "ff" "255")
(define width (make-parameter 3 (lambda (x) (* x 2))))
(show (list (width) (parameterize ((width 5)) (width)) (width)))
; expect: (6 10 6)
(define count 0)
(define p (delay (begin (set! count (+ count 1)) (* 6 7))))
(show (list (promise? p) (force p) (force p) count))
; expect: (#t 42 42 1)
(define (countdown n)
  (if (= n 0) (make-promise 'done) (delay-force (countdown (- n 1)))))
(show (force (countdown steps)))
; expect: done
(show (list (force 7) (promise? 7) (force (make-promise (make-promise 'x)))))
; expect: (7 #f x)
