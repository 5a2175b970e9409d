;; Collector stress: a program whose live data changes shape while it
;; allocates far more than a small heap holds.  tools/tests/native.rs
;; builds it with a 16 MiB heap (`utena build --heap-mib 16`), so the
;; copying collector runs about 250 times, and compares every line with
;; the seed's.  Each part keeps something alive across collections that
;; is checked afterwards: lists, vectors, strings, closures and their
;; boxes, flonums, records, eq-hashtables keyed by objects, deep
;; recursion holding pointers in every frame, rest lists, exits.

(define (make-garbage n)
  ;; About 48 bytes a step, all of it dead at once.
  (let loop ((i 0) (acc '()))
    (if (= i n) (length acc) (loop (+ i 1) (if (= (remainder i 1000) 0) '() (cons (vector i) acc))))))

;; A long-lived list, built while garbage is made.
(define keep
  (let loop ((i 0) (acc '()))
    (if (= i 20000)
        acc
        (begin (when (= (remainder i 100) 0) (make-garbage 2000))
               (loop (+ i 1) (cons (* i i) acc))))))
(display (list (length keep) (car keep) (list-ref keep 19999))) (newline)

;; Strings and vectors survive by content.
(define strings (map (lambda (i) (string-append "s" (number->string i))) (iota 3000)))
(make-garbage 300000)
(display (list (list-ref strings 0) (list-ref strings 2999) (apply + (map string-length strings)))) (newline)

;; Closures and the boxes of the variables they assign.
(define (counter)
  (let ((n 0)) (lambda () (set! n (+ n 1)) n)))
(define counters (map (lambda (i) (counter)) (iota 500)))
(for-each (lambda (c) (c) (make-garbage 500) (c)) counters)
(display (apply + (map (lambda (c) (c)) counters))) (newline)

;; Flonums: raw words copied bit for bit.
(define floats (map (lambda (i) (/ (exact->inexact i) 7)) (iota 2000)))
(make-garbage 300000)
(display (list (list-ref floats 1) (list-ref floats 1999) (apply + floats))) (newline)

;; Records.
(define-record-type point (make-point x y) point? (x point-x) (y point-y set-point-y!))
(define points (map (lambda (i) (make-point i (list i))) (iota 3000)))
(make-garbage 300000)
(for-each (lambda (p) (set-point-y! p (cons (point-x p) (point-y p)))) points)
(display (list (point-y (list-ref points 2999)) (length points))) (newline)

;; eq-hashtables keyed by objects that move.
(define table (make-eq-hashtable))
(define keys (map (lambda (i) (cons i i)) (iota 2000)))
(for-each (lambda (k) (hashtable-set! table k (car k))) keys)
(make-garbage 300000)
(display (list (hashtable-ref table (list-ref keys 1234) 'missing)
               (hashtable-ref table (cons 1234 1234) 'missing)
               (hashtable-count table)
               (apply + (map (lambda (k) (hashtable-ref table k 0)) keys))))
(newline)
(for-each (lambda (k) (when (even? (car k)) (hashtable-delete! table k))) keys)
(make-garbage 300000)
(display (list (hashtable-count table) (hashtable-ref table (list-ref keys 7) 'missing)
               (hashtable-ref table (list-ref keys 8) 'missing)))
(newline)

;; A bigger table, looked up right after collections of many sizes: a
;; collection while the index is rebuilt, or between rebuilding it and
;; hashing the key, must not lose a key (with either, some lookups here
;; missed).
(define big (make-eq-hashtable))
(define big-keys (map (lambda (i) (list i)) (iota 20000)))
(for-each (lambda (k) (hashtable-set! big k (car k))) big-keys)
(define (big-rounds round missing)
  (if (= round 40)
      missing
      (begin (make-garbage (* 1000 (+ 1 (remainder (* round 7) 13))))
             (big-rounds (+ round 1)
                         (+ missing (length (filter (lambda (k) (not (eqv? (hashtable-ref big k #f) (car k))))
                                                    big-keys)))))))
(display (list 'big-table-missing (big-rounds 0 0) (hashtable-count big)))
(newline)

;; Deep recursion: every frame holds a pointer while the callee allocates.
(define (deep n)
  (if (= n 0)
      (begin (make-garbage 100000) '())
      (let ((mine (list n (make-string 3 #\x))))
        (let ((rest (deep (- n 1))))
          (cons (car mine) rest)))))
(define d (deep 5000))
(display (list (length d) (car d) (list-ref d 4999))) (newline)

;; Rest lists built while collections happen.
(define (gather . xs) xs)
(define gathered (map (lambda (i) (apply gather (iota (+ 1 (remainder i 50))))) (iota 2000)))
(display (apply + (map length gathered))) (newline)

;; Exits and handlers across collections.
(define caught
  (map (lambda (i)
         (call/cc (lambda (k)
                    (with-exception-handler
                     (lambda (e) (k (list 'caught i)))
                     (lambda () (make-garbage 1000) (raise 'oops))))))
       (iota 300)))
(display (list (length caught) (list-ref caught 299))) (newline)

;; Strings built by string ports or appends grow across collections.
(define long (let loop ((i 0) (s "")) (if (= i 2000) s (loop (+ i 1) (string-append s "ab")))))
(display (string-length long)) (newline)

;; Empty objects made at run time (each with one word of padding, as
;; every object has at least one payload word), next to pairs that are
;; reached again after them.
(define (entry i) (let* ((v (make-vector 0)) (p (cons i (make-string 0)))) (cons p v)))
(define entries (let loop ((i 0) (acc '())) (if (= i 3000) acc (loop (+ i 1) (cons (entry i) acc)))))
(define firsts (map car entries))
(make-garbage 300000)
(display (list (apply + (map car firsts))
               (apply + (map (lambda (e) (+ (car (car e)) (vector-length (cdr e)) (string-length (cdr (car e))))) entries))
               (call-with-values (lambda () (values)) list)))
(newline)

;; A collection during an eq-hashtable's index rebuild (which allocates)
;; left part of the index under its keys' old addresses, and the lookup
;; made right after the rebuild missed a key.  Forty tables, each rebuilt
;; at its first lookup after a collection, with garbage made between
;; them so that collections fall in rebuilds; each visit looks up the
;; first key, the first one a rebuild indexes.  Without the fix about six
;; lookups of the 800 missed.
(define shared-keys (map (lambda (i) (list i)) (iota 1000)))
(define tables
  (map (lambda (t)
         (let ((table (make-eq-hashtable)))
           (for-each (lambda (k) (hashtable-set! table k (+ t (car k)))) shared-keys)
           (cons t table)))
       (iota 40)))
(define (visit-all passes missed)
  (if (= passes 0)
      missed
      (visit-all (- passes 1)
                 (let loop ((ts tables) (missed missed))
                   (if (null? ts)
                       missed
                       (begin (make-garbage 4000)
                              (loop (cdr ts)
                                    (if (eqv? (hashtable-ref (cdr (car ts)) (car shared-keys) #f) (car (car ts)))
                                        missed
                                        (+ missed 1)))))))))
(display (list 'missed (visit-all 20 0))) (newline)
