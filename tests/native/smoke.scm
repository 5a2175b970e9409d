;; A program touching every part of the native back end, for
;; tools/tests/native.rs: the native executable's output must equal the
;; seed's, line for line.
(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
(display (fib 25)) (newline)

;; Closures, set!, a tail loop of a million iterations.
(define (counter)
  (let ((n 0)) (lambda () (set! n (+ n 1)) n)))
(define c (counter))
(c) (c)
(display (c)) (newline)
(define (loop i acc) (if (= i 0) acc (loop (- i 1) (+ acc 1))))
(display (loop 1000000 0)) (newline)

;; Lists, vectors, strings, symbols, characters.
(display (map (lambda (x) (* x x)) '(1 2 3 4))) (newline)
(write (list "a\nb" #\x 'sym -7 (vector 1 "two" #\3) '(a . b))) (newline)
(display (string-append "foo" "bar" (number->string 42))) (newline)
(display (reverse (string->list "hello"))) (newline)
(display (apply + 1 2 '(3 4 5))) (newline)
(display (assq 'b '((a 1) (b 2)))) (newline)
(display (vector-map (lambda (x) (+ x 1)) #(1 2 3))) (newline)
(display (let-values (((q r) (floor/ 17 5))) (list q r))) (newline)

;; apply in tail position with more arguments than the frame has
;; registers (the arguments are moved down over the frame), and a tail
;; send with five.
(define (join parts) (apply string-append parts))
(display (join (map (lambda (i) (string-append (number->string i) ",")) (iota 40)))) (newline)
(define (spread . xs) (apply list xs))
(display (apply spread 1 2 (iota 20))) (newline)

;; Exact integers past the fixnums (int64 objects): literals, the
;; arithmetic slow paths, printing, overflow past 64 bits as a condition.
(define big 9223372036854775807)
(display (list big (- -1 big) (+ 4611686018427387903 1) (* 3037000499 3037000499) (quotient big 3)))
(newline)
(display (list (number->string big 16) (string->number "-9223372036854775808") (exact->inexact big)))
(newline)
(display (guard (e ((error-object? e) (error-object-message e))) (+ big 1))) (newline)

;; Escapes, winds, handlers.
(display (call/cc (lambda (k) (dynamic-wind (lambda () (display "[")) (lambda () (k 'out)) (lambda () (display "]"))))))
(newline)
(display (guard (e ((error-object? e) (error-object-message e))) (car 5))) (newline)
(display (guard (e ((symbol? e) (list 'caught e))) (raise 'oops))) (newline)
(display (with-exception-handler (lambda (e) 10) (lambda () (+ 1 (raise-continuable 'c))))) (newline)

;; Records.
(define-record-type point (make-point x y) point? (x point-x) (y point-y set-point-y!))
(define p (make-point 3 4))
(set-point-y! p 5)
(display (list (point-x p) (point-y p) (point? p) (point? 7) p)) (newline)

;; Classes and sends.
(define-class (Shape name)
  (method (describe) (string-append name ": " (number->string (send self area)))))
(define-class (Square side) (inherit Shape "square")
  (method (area) (* side side)))
(define-class (Five) (method (m a b c d e) (list a b c d e)) (method (go) (send self m 1 2 3 4 5)))
(display (send (Five) go)) (newline)
(define s (Square 3))
(display (send s describe)) (newline)
(display s) (newline)

;; Output written before an exit is kept.
(display "bye") (newline)
(exit 3)
