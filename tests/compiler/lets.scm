; let: a call whose operator is a lambda expression with as many arguments
; as parameters (and no rest parameter) is compiled as a binding in the
; enclosing function: each argument, left to right, into its variable's
; register, then the body -- no closure and no call.
(define (square-next n) (let ((x (+ n 1))) (* x x)))
; The body of a let in tail position is in tail position: a tail-call.
(define (tail-let f n) (let ((m (- n 1))) (f m)))
; let* nests; an inner let's variables take registers above the outer's.
(define (nested a) (let* ((b (+ a 1)) (c (* b 2))) (let ((d (- c a))) (list a b c d))))
; or is a let of a temporary: jumps, no closure.
(define (loop-or n) (if (= n 0) 'done (or #f (loop-or (- n 1)))))
; A variable captured and assigned lives in a box, as other locals do.
(define (counter start) (let ((count start)) (lambda () (set! count (+ count 1)) count)))
; A variable captured but never assigned is copied into the closure.
(define (adder n) (let ((k (* n 2))) (lambda (x) (+ x k))))
; An assignment inside a later argument does not change an earlier one.
(define (order x) (let ((a x) (b (begin (set! x 10) x))) (list a b)))
; A named let: the outer thunk is inlined, the loop is still a closure.
(define (count-down n) (let loop ((i n) (acc '())) (if (= i 0) acc (loop (- i 1) (cons i acc)))))
; A wrong argument count, or a rest parameter, stays a call (so its arity
; error is the call's).
(define (too-many) ((lambda (x) x) 1 2))
(define (rest-param) ((lambda (x . more) (cons x more)) 1 2 3))
(display (list (square-next 2) (tail-let - 5) (nested 1) (loop-or 3) ((counter 5)) ((adder 2) 1)
               (order 1) (count-down 3) (rest-param)))
