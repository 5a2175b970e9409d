; deriv: symbolic differentiation of a polynomial, after the Gabriel benchmark;
; N rounds of building derivatives as fresh lists (allocation, symbol tests,
; dispatch on the operator).
; size: 20000
; expect: (+ (* (* 3 x x) (+ (/ 0 3) (/ 1 x) (/ 1 x))) (* (* a x x) (+ (/ 0 a) (/ 1 x) (/ 1 x))) (* (* b x) (+ (/ 0 b) (/ 1 x))) 0)
; expect: 20000
; sim-size: 200
; expect: (+ (* (* 3 x x) (+ (/ 0 3) (/ 1 x) (/ 1 x))) (* (* a x x) (+ (/ 0 a) (/ 1 x) (/ 1 x))) (* (* b x) (+ (/ 0 b) (/ 1 x))) 0)
; expect: 200
(define (deriv a)
  (cond ((not (pair? a))
         (if (eq? a 'x) 1 0))
        ((eq? (car a) '+)
         (cons '+ (map deriv (cdr a))))
        ((eq? (car a) '-)
         (cons '- (map deriv (cdr a))))
        ((eq? (car a) '*)
         (list '*
               a
               (cons '+ (map (lambda (a) (list '/ (deriv a) a)) (cdr a)))))
        ((eq? (car a) '/)
         (list '-
               (list '/ (deriv (cadr a)) (caddr a))
               (list '/
                     (cadr a)
                     (list '* (caddr a) (caddr a) (deriv (caddr a))))))
        (else (error "deriv: unknown operator" (car a)))))

(define expression '(+ (* 3 x x) (* a x x) (* b x) 5))

(define (run rounds)
  (let loop ((i 0) (result #f) (done 0))
    (if (= i rounds)
        (begin (write result) (newline) (display done) (newline))
        (let ((d (deriv expression)))
          (loop (+ i 1) d (if (pair? d) (+ done 1) done))))))

(run (string->number (cadr (command-line))))
