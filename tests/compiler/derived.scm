; The derived forms of R7RS, expanded by the language's own transformers.
(define (sum-to n)
  (let loop ((i 0) (total 0))
    (if (> i n)
        total
        (loop (+ i 1) (+ total i)))))

(define (classify x)
  (cond ((assv x '((1 . one))) => cdr)
        ((and (> x 10) (< x 20)) 'teens)
        ((or (= x 0) (< x 0)) 'small)
        (else (case x
                ((2 3) 'few)
                (else 'many)))))

(define (count-down n)
  (do ((i n (- i 1))
       (out '() (cons i out)))
      ((= i 0) out)))

(define (pairs a b)
  (let* ((x (list a b))
         (y `(,a ,@x end)))
    (when (pair? y) (display y))
    (unless (null? y) (newline))
    y))

(define (evens n)
  (letrec ((even? (lambda (k) (if (= k 0) #t (odd? (- k 1)))))
           (odd? (lambda (k) (if (= k 0) #f (even? (- k 1))))))
    (even? n)))
