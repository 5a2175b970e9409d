;; Tenure (collector.ut, "Tenure"): objects alive at a tenure are never
;; copied again, and every later collection scans them for pointers to
;; what was made after.  tools/tests/native.rs builds this with a 16 MiB
;; heap, so that the collector runs many times after each tenure, and
;; compares every line with the seed's, which has no collector
;; capability (there `tenure` below answers `none` and nothing is
;; tenured: the output must be the same either way).

(define (make-garbage n)
  (let loop ((i 0) (acc '()))
    (if (= i n) (length acc) (loop (+ i 1) (if (= (remainder i 1000) 0) '() (cons (vector i) acc))))))

(define collector (guard (e (#t #f)) (send platform collector)))
(define (tenure) (if collector (send collector tenure) 'none))
;; A tenure the collector takes answers the bytes tenured in all (a
;; positive integer); `none` where there is no collector.
(define (taken? answer) (or (eq? answer 'none) (and (integer? answer) (> answer 0))))

;; Objects of every shape, then tenured.
(define pairs (map (lambda (i) (cons i (number->string i))) (iota 2000)))
(define slots (make-vector 500 #f))
(define text (make-string 300 #\t))
(define bytes (make-bytevector 300 7))
(define floats (map (lambda (i) (/ (exact->inexact i) 3)) (iota 200)))
(define (counter) (let ((n '())) (lambda (x) (set! n (cons x n)) n)))
(define counters (map (lambda (i) (counter)) (iota 100)))
(define table (make-eq-hashtable))
(define old-keys (map (lambda (i) (list i)) (iota 1000)))
(for-each (lambda (k) (hashtable-set! table k (car k))) old-keys)
(make-garbage 50000)
(display (list 'first (taken? (tenure)))) (newline)

;; Tenured objects now point at objects made after the tenure: every
;; collection must find those through the tenured ones.
(for-each (lambda (p) (set-car! p (list (car p) 'young))) pairs)
(let loop ((i 0)) (when (< i 500) (vector-set! slots i (make-string 3 (integer->char (+ 65 (remainder i 26))))) (loop (+ i 1))))
(for-each (lambda (c i) (c (vector i i))) counters (iota 100))
(define new-keys (map (lambda (i) (list (+ i 1000))) (iota 1000)))
(for-each (lambda (k) (hashtable-set! table k (car k))) new-keys)
(make-garbage 300000)
(display (list (car (list-ref pairs 1999)) (cdr (list-ref pairs 1999))
               (apply + (map (lambda (p) (car (car p))) pairs))
               (vector-ref slots 0) (vector-ref slots 499)
               (string-length text) (bytevector-u8-ref bytes 299) (list-ref floats 199)
               (apply + (map (lambda (c) (vector-ref (cadr (c 'x)) 1)) counters))))
(newline)
(display (list (hashtable-ref table (car old-keys) #f) (hashtable-ref table (list-ref new-keys 999) #f)
               (apply + (map (lambda (k) (hashtable-ref table k 0)) (append old-keys new-keys)))
               (hashtable-count table)))
(newline)

;; Two more tenures, the second straight after the first: its objects
;; must follow the ones tenured before, in the same semispace.
(define later (map (lambda (i) (cons i (vector i))) (iota 1000)))
(display (list 'second (taken? (tenure)) 'third (taken? (tenure)))) (newline)
(for-each (lambda (p) (set-cdr! p (list (car p) (car pairs)))) later)
(set-car! (car pairs) (list 'replaced later))
(make-garbage 300000)
(display (list (length (cadr (car (car pairs))))
               (apply + (map (lambda (p) (car (cdr p))) later))
               (caar (cadr (cdr (list-ref later 999))))))
(newline)

;; More than a quarter of a semispace alive: the collector declines, and
;; the program goes on as before.
(define big (make-vector 400000 1.5))
(display (list 'declined (not (integer? (tenure))))) (newline)
(vector-set! big 0 (list 'still 'here))
(make-garbage 300000)
(display (list (vector-ref big 0) (vector-ref big 399999) (length pairs))) (newline)
