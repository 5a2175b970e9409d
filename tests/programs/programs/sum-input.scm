;; A program that reads its data from standard input with `read`.
; stdin: 1 2 3
; stdin: (4 5) ; a comment
; stdin:   6.5
(define (total)
  (let loop ((sum 0))
    (let ((x (read)))
      (cond ((eof-object? x) sum)
            ((pair? x) (loop (+ sum (apply + x))))
            (else (loop (+ sum x)))))))
(display (total)) (newline)                                  ; expect: 21.5
(write (eof-object? (read))) (newline)                       ; expect: #t
