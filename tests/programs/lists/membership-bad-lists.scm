; memq, memv, assq and assv on lists that are not proper, and on long and
; circular ones: a key found before the trouble is found; past it, the
; error names the procedure and the whole list.  (Natively these run a
; machine-code walk first, builtins.ut's %search-identity, which hands
; anything it cannot tell to the checking walk.)
(define (attempt thunk)
  (guard (e ((error-object? e) (display (error-object-message e)) (newline)))
    (write (thunk))
    (newline)))
(attempt (lambda () (memq 'b '(a b . c))))
(attempt (lambda () (memq 'z '(a b . c))))
(attempt (lambda () (memv 2 '(1 2 . 3))))
(attempt (lambda () (memq 'a 'a)))
(attempt (lambda () (assq 'b '((a . 1) (b . 2) . tail))))
(attempt (lambda () (assq 'z '((a . 1) (b . 2) . tail))))
(attempt (lambda () (assq 'b '((a . 1) not-a-pair (b . 2)))))
(attempt (lambda () (assq 'a '((a . 1) not-a-pair))))
(attempt (lambda () (assv 2 '((1 . one) 7))))
(attempt (lambda () (assq 'x 5)))
; A long list: found near its end, and missed.
(define long (let loop ((i 0) (acc '())) (if (= i 20000) acc (loop (+ i 1) (cons i acc)))))
(attempt (lambda () (car (memv 3 long))))
(attempt (lambda () (memq 'absent long)))
(attempt (lambda () (cdr (assv 5 (map (lambda (i) (cons i (* i i))) long)))))
; Circular: a key on the cycle is found; one that is not is an error.
(define ring (list 'a 'b 'c))
(set-cdr! (cddr ring) ring)
(attempt (lambda () (car (memq 'c ring))))
(attempt (lambda () (memq 'z ring)))
(define pairs (list (cons 'a 1) (cons 'b 2)))
(set-cdr! (cdr pairs) pairs)
(attempt (lambda () (assq 'b pairs)))
(attempt (lambda () (assq 'z pairs)))
; expect: (b . c)
; expect: memq: expected a list, got (a b . c)
; expect: (2 . 3)
; expect: memq: expected a list, got a
; expect: (b . 2)
; expect: assq: expected a list, got ((a . 1) (b . 2) . tail)
; expect: assq: expected a pair, got not-a-pair
; expect: (a . 1)
; expect: assv: expected a pair, got 7
; expect: assq: expected a list, got 5
; expect: 3
; expect: #f
; expect: 25
; expect: c
; expect: memq: expected a list, got #0=(a b c . #0#)
; expect: (b . 2)
; expect: assq: expected a list, got #0=((a . 1) (b . 2) . #0#)
