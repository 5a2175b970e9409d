; let, let*, letrec and letrec*: scoping and evaluation order of bindings.
(define (show x) (display x) (newline))
(define x 1)
(show (let ((x 10) (y x)) (list x y)))
; expect: (10 1)
(show (let* ((x 10) (y x)) (list x y)))
; expect: (10 10)
(show (let () 5))
; expect: 5
(show (letrec ((even? (lambda (n) (if (= n 0) #t (odd? (- n 1)))))
               (odd? (lambda (n) (if (= n 0) #f (even? (- n 1))))))
        (list (even? 100) (odd? 7) (even? 3))))
; expect: (#t #t #f)
(show (letrec* ((a 5) (b (* a 2)) (c (lambda () (+ a b)))) (c)))
; expect: 15
(show (let* () 7))
; expect: 7
(show (let ((x 1)) (let ((x (+ x 1))) (let ((x (* x 10))) x))))
; expect: 20
(show (let loop ((i 0) (acc '())) (if (= i 5) (reverse acc) (loop (+ i 1) (cons i acc)))))
; expect: (0 1 2 3 4)
