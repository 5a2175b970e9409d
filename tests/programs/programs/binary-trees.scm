; Binary trees (after the benchmarks game): build, check and discard trees of small depth.
(define (make-tree depth)
  (if (= depth 0) (cons '() '()) (cons (make-tree (- depth 1)) (make-tree (- depth 1)))))
(define (check tree)
  (if (null? (car tree)) 1 (+ 1 (check (car tree)) (check (cdr tree)))))
(define max-depth 8)
(display "stretch tree of depth ")
(display (+ max-depth 1))
(display " check: ")
(display (check (make-tree (+ max-depth 1))))
(newline)
; expect: stretch tree of depth 9 check: 1023
(define long-lived (make-tree max-depth))
(do ((d 4 (+ d 2))) ((> d max-depth))
  (let ((iterations (expt 2 (+ (- max-depth d) 4))))
    (let loop ((i 0) (sum 0))
      (if (< i iterations)
          (loop (+ i 1) (+ sum (check (make-tree d))))
          (begin (display iterations) (display " trees of depth ") (display d)
                 (display " check: ") (display sum) (newline))))))
; expect: 256 trees of depth 4 check: 7936
; expect: 64 trees of depth 6 check: 8128
; expect: 16 trees of depth 8 check: 8176
(display "long lived tree of depth ")
(display max-depth)
(display " check: ")
(display (check long-lived))
(newline)
; expect: long lived tree of depth 8 check: 511
