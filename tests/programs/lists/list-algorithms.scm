; Ordinary list processing in plain Scheme: filter, fold, flatten, remove duplicates, zip.
(define (show x) (write x) (newline))
(define (filter p xs) (cond ((null? xs) '()) ((p (car xs)) (cons (car xs) (filter p (cdr xs)))) (else (filter p (cdr xs)))))
(define (fold-left f acc xs) (if (null? xs) acc (fold-left f (f acc (car xs)) (cdr xs))))
(define (fold-right f acc xs) (if (null? xs) acc (f (car xs) (fold-right f acc (cdr xs)))))
(define (flatten x) (cond ((null? x) '()) ((pair? x) (append (flatten (car x)) (flatten (cdr x)))) (else (list x))))
(define (dedupe xs) (if (null? xs) '() (cons (car xs) (dedupe (filter (lambda (y) (not (equal? y (car xs)))) (cdr xs))))))
(define (iota n) (let loop ((i (- n 1)) (acc '())) (if (< i 0) acc (loop (- i 1) (cons i acc)))))
(show (filter odd? (iota 10)))
; expect: (1 3 5 7 9)
(show (fold-left - 0 '(1 2 3)))
; expect: -6
(show (fold-right - 0 '(1 2 3)))
; expect: 2
(show (fold-right cons '() '(a b c)))
; expect: (a b c)
(show (flatten '(1 (2 (3 4)) ((5)) () 6)))
; expect: (1 2 3 4 5 6)
(show (dedupe '(a b a c b d)))
; expect: (a b c d)
(show (map cons '(1 2 3) '(a b c)))
; expect: ((1 . a) (2 . b) (3 . c))
(show (length (iota 1000)))
; expect: 1000
