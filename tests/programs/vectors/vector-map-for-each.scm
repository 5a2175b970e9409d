; vector-map and vector-for-each over one and two vectors.
(define (show x) (write x) (newline))
(show (vector-map (lambda (x) (* x x)) (vector 1 2 3)))
; expect: #(1 4 9)
(show (vector-map + (vector 1 2) (vector 10 20)))
; expect: #(11 22)
(show (vector-map (lambda (x) x) (vector)))
; expect: #()
(vector-for-each (lambda (x) (display x) (display ";")) (vector 'a 'b 'c))
(newline)
; expect: a;b;c;
(define sum 0)
(vector-for-each (lambda (a b) (set! sum (+ sum (* a b)))) (vector 1 2 3) (vector 4 5 6))
(show sum)
; expect: 32
