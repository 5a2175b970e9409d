; Word frequency over standard input with a string table: words in the order they first appear, then by count.
; stdin: the cat sat on the mat
; stdin: The cat saw the dog
; stdin:
; stdin: a dog, a cat; the end.
(define (words line)
  (let loop ((chars (string->list line)) (word '()) (found '()))
    (define (flush) (if (null? word) found (cons (list->string (reverse word)) found)))
    (cond ((null? chars) (reverse (flush)))
          ((char-alphabetic? (car chars)) (loop (cdr chars) (cons (char-downcase (car chars)) word) found))
          (else (loop (cdr chars) '() (flush))))))
(define counts (make-string-hashtable))
(let loop ((line (read-line)))
  (unless (eof-object? line)
    (for-each (lambda (word) (hashtable-update! counts word (lambda (n) (+ n 1)) 0)) (words line))
    (loop (read-line))))
(call-with-values (lambda () (hashtable-entries counts))
  (lambda (words totals)
    (vector-for-each (lambda (word total) (display word) (display " ") (display total) (newline)) words totals)
    (display "--") (newline)
    (for-each (lambda (entry) (display (car entry)) (display " ") (display (cdr entry)) (newline))
              (list-sort (lambda (a b) (> (cdr a) (cdr b)))
                         (map cons (vector->list words) (vector->list totals))))))
(display (hashtable-count counts)) (newline)
; expect: the 5
; expect: cat 3
; expect: sat 1
; expect: on 1
; expect: mat 1
; expect: saw 1
; expect: dog 2
; expect: a 2
; expect: end 1
; expect: --
; expect: the 5
; expect: cat 3
; expect: dog 2
; expect: a 2
; expect: sat 1
; expect: on 1
; expect: mat 1
; expect: saw 1
; expect: end 1
; expect: 9
