; hashtable-clear! on a table that has grown, then refilling it: no old key
; is found, the keys come back in the new insertion order, and keys of every
; kind (fixnums, symbols, strings, pairs, flonums, deleted ones) are filed
; again.  A collection between filling and clearing moves the pairs, whose
; table files them by address.
(define (fill! t from to)
  (let loop ((i from))
    (when (< i to)
      (hashtable-set! t i (* i i))
      (loop (+ i 1)))))

(define t (make-eqv-hashtable))
(fill! t 1 200)
(hashtable-set! t 'sym 'symbol)
(hashtable-set! t 2.5 'flonum)
; 0 last: a slot past the refilled ones that a bucket still named would
; hold a zeroed key, which is 0's word.
(hashtable-set! t 0 'zero)
(hashtable-delete! t 7)
(display (list (hashtable-count t) (hashtable-ref t 199 #f) (hashtable-ref t 7 'gone)))
(newline)
(hashtable-clear! t)
(display (list (hashtable-count t) (hashtable-ref t 199 'none) (hashtable-ref t 'sym 'none)
               (hashtable-ref t 2.5 'none) (hashtable-ref t 0 'none) (hashtable-keys t)))
(newline)
(hashtable-set! t 'z 1)
(hashtable-set! t 3 2)
(hashtable-set! t 2.5 3)
(hashtable-set! t 199 4)
(display (list (hashtable-count t) (hashtable-keys t) (hashtable-values t) (hashtable-ref t 0 'none)))
(newline)

; Pairs as keys: filed by identity.
(define keys (let loop ((i 0) (out '())) (if (= i 50) out (loop (+ i 1) (cons (list i) out)))))
(define p (make-eq-hashtable))
(for-each (lambda (k) (hashtable-set! p k (car k))) keys)
(define garbage (let loop ((i 0) (out '())) (if (= i 300000) (length out) (loop (+ i 1) (cons i (if (> (length out) 8) '() out))))))
(display (list (hashtable-count p) (hashtable-ref p (car keys) #f) (hashtable-ref p (list 49) 'other-pair)))
(newline)
(hashtable-clear! p)
(display (list (hashtable-count p) (hashtable-ref p (car keys) 'none)))
(newline)
(hashtable-set! p (cadr keys) 'again)
(hashtable-set! p (car keys) 'first)
(display (list (hashtable-count p) (hashtable-ref p (car keys) #f) (hashtable-ref p (cadr keys) #f)
               (hashtable-ref p (caddr keys) 'none)))
(newline)

; Strings in a string table, cleared twice.
(define s (make-string-hashtable))
(hashtable-set! s "one" 1)
(hashtable-set! s "two" 2)
(hashtable-clear! s)
(hashtable-clear! s)
(hashtable-set! s (string #\t #\w #\o) 'two)
(display (list (hashtable-count s) (hashtable-ref s "two" #f) (hashtable-ref s "one" 'none)))
(newline)
; expect: (201 39601 gone)
; expect: (0 none none none none #())
; expect: (4 #(z 3 2.5 199) #(1 2 3 4) none)
; expect: (50 49 other-pair)
; expect: (0 none)
; expect: (2 first again none)
; expect: (1 two none)
