;; A program's definitions of names the language defines are its own: the
;; language's procedures that use those names internally keep using the
;; language's (docs/language.md, "Scopes and definitions").

;; filter with its arguments the other way round, SICP's accumulate-style
;; reduce, and a reverse that is not one.
(define (filter lst keep?)
  (cond ((null? lst) '())
        ((keep? (car lst)) (cons (car lst) (filter (cdr lst) keep?)))
        (else (filter (cdr lst) keep?))))
(define (reduce op initial sequence)
  (if (null? sequence) initial (op (car sequence) (reduce op initial (cdr sequence)))))
(define (reverse x) (list 'reversed x))
(define (any . args) 'my-any)

(display (filter '(1 2 3 4 5 6) even?)) (newline)          ; expect: (2 4 6)
(display (reduce cons '() '(1 2 3))) (newline)               ; expect: (1 2 3)
(display (reverse '(1 2))) (newline)                         ; expect: (reversed (1 2))
(display (any 1)) (newline)                                  ; expect: my-any

;; The language's procedures are unaffected.
(display (remove even? '(1 2 3 4 5 6))) (newline)            ; expect: (1 3 5)
(let-values (((odds evens) (partition odd? '(1 2 3 4))))
  (display (list odds evens)) (newline))                     ; expect: ((1 3) (2 4))
(display (map + '(1 2 3) '(10 20 30))) (newline)             ; expect: (11 22 33)
(display (delete 3 '(1 3 2 3))) (newline)                    ; expect: (1 2)
(display (list-sort < '(3 1 2))) (newline)                   ; expect: (1 2 3)
(display (every odd? '(1 3 5))) (newline)                    ; expect: #t
(display (string-map char-upcase "abc")) (newline)           ; expect: ABC
(display (fold-left + 0 '(1 2 3))) (newline)                 ; expect: 6

;; The names a language macro puts in its expansion are the language's.
(define (append . x) 'my-append)
(define (make-promise . x) 'my-promise)
(define (call-with-values . x) 'my-call-with-values)
(define (list->vector . x) 'my-list->vector)
(define n 5)
(display `(1 ,n ,@(cdr '(0 2 3)))) (newline)                 ; expect: (1 5 2 3)
(display `#(1 ,n)) (newline)                                 ; expect: #(1 5)
(display (force (delay (+ 1 2)))) (newline)                  ; expect: 3
(let-values (((q r) (floor/ 7 2))) (display (list q r)))
(newline)                                                    ; expect: (3 1)
(display (list (append 1) (call-with-values 1))) (newline)   ; expect: (my-append my-call-with-values)

;; A program's name is its own from the start: used before its definition,
;; it is unbound, not the language's.
(define (use-count) (count 1 2))
(define (count . args) 'my-count)
(display (use-count)) (newline)                              ; expect: my-count
(display (iota 3))
(define (iota n) 'my-iota)
; expect error at 50:10: unbound variable: iota
