; binary-trees: allocate and walk perfect binary trees of pairs, after the
; Computer Language Benchmarks Game; allocation-heavy, with one long-lived tree
; while many short-lived ones come and go. The size is the maximum depth.
; size: 12
; expect: stretch tree of depth 13 check: 16383
; expect: 4096 trees of depth 4 check: 126976
; expect: 1024 trees of depth 6 check: 130048
; expect: 256 trees of depth 8 check: 130816
; expect: 64 trees of depth 10 check: 131008
; expect: 16 trees of depth 12 check: 131056
; expect: long lived tree of depth 12 check: 8191
; sim-size: 6
; expect: stretch tree of depth 7 check: 255
; expect: 64 trees of depth 4 check: 1984
; expect: 16 trees of depth 6 check: 2032
; expect: long lived tree of depth 6 check: 127
(define (make-tree depth)
  (if (= depth 0)
      (cons '() '())
      (cons (make-tree (- depth 1)) (make-tree (- depth 1)))))

(define (check tree)
  (if (null? (car tree))
      1
      (+ 1 (check (car tree)) (check (cdr tree)))))

(define (report . parts)
  (for-each display parts)
  (newline))

(define (run max-depth)
  (let ((min-depth 4))
    (report "stretch tree of depth " (+ max-depth 1)
            " check: " (check (make-tree (+ max-depth 1))))
    (let ((long-lived (make-tree max-depth)))
      (let loop ((depth min-depth))
        (if (<= depth max-depth)
            (let ((iterations (expt 2 (+ (- max-depth depth) min-depth))))
              (let count ((i 0) (sum 0))
                (if (< i iterations)
                    (count (+ i 1) (+ sum (check (make-tree depth))))
                    (report iterations " trees of depth " depth " check: " sum)))
              (loop (+ depth 2)))))
      (report "long lived tree of depth " max-depth " check: " (check long-lived)))))

(run (string->number (cadr (command-line))))
