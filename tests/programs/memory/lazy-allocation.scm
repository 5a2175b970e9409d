;; Every way an object made on an allocation stack (lazy allocation,
;; runtime-src/native/lazy.ut and the simulator's allocator) can come to be
;; referred to from something that lives longer.  Each part checks
;; afterwards what it kept.  With no argument it runs at a size the
;; simulator runs in seconds; tools/tests/native.rs builds it with
;; `utena build --lazy` and a 16 MiB heap (so that collections come in the
;; middle of evictions) and runs it with the argument 10, ten times the
;; work, so that the allocation stack fills many times, and compares every
;; line with the seed's.
(define scale (let ((arguments (command-line)))
                (if (pair? (cdr arguments)) (string->number (cadr arguments)) 1)))

;; Deep recursion: a list built by returns (each frame's pair goes through
;; the return barrier), then one built by a non-tail map.
(define (build n) (if (= n 0) '() (cons n (build (- n 1)))))
(define (sum l) (if (null? l) 0 (+ (car l) (sum (cdr l)))))
(display (sum (build (* 2000 scale)))) (newline)
(display (apply + (map (lambda (x) (* 2 x)) (build 1000)))) (newline)

;; A tail loop that makes garbage: its region only grows, so the
;; allocation stack fills and empties many times; what the loop keeps
;; (acc) is evicted each time and must survive whole.
(define (churn n acc)
  (if (= n 0)
      acc
      (let ((junk (list n n n)))
        (churn (- n 1) (if (= (remainder n 1000) 0) (cons (car junk) acc) acc)))))
(define kept (churn (* 40000 scale) '()))
(display (list (length kept) (car kept) (list-ref kept (- (* 40 scale) 1)))) (newline)

;; Closures escaping: into a global, a vector, a hashtable, a record, a box
;; (set!) and a list returned upward; each captures a stack object.
(define escaped #f)
(define table (make-eq-hashtable))
(define slots (make-vector 5 #f))
(define-record-type holder (make-holder thing) holder? (thing holder-thing set-holder-thing!))
(define h (make-holder #f))
(define (capture i)
  (let* ((pair (cons i (* i i)))
         (get (lambda () pair)))
    (case (remainder i 5)
      ((0) (set! escaped get))
      ((1) (vector-set! slots 1 get))
      ((2) (hashtable-set! table i get))
      ((3) (set-holder-thing! h get))
      (else #f))
    (list get (lambda () (car pair)))))
(define returned (map capture '(0 1 2 3 4 5 6 7 8 9)))
(display (list (escaped) ((vector-ref slots 1)) ((hashtable-ref table 7 #f)) ((holder-thing h))))
(newline)
(display (map (lambda (fs) (list ((car fs)) ((cadr fs)))) returned)) (newline)

;; A stack object as an eq-hashtable key: it is evicted before it is
;; hashed, and found again by the same reference.
(define keys (map (lambda (i) (cons 'key i)) '(1 2 3 4 5)))
(define (file-keys ks) (for-each (lambda (k) (hashtable-set! table k (cdr k))) ks))
(file-keys keys)
(display (map (lambda (k) (hashtable-ref table k 'missing)) keys)) (newline)
(define (fresh-key i)
  (let ((k (list 'fresh i)))
    (hashtable-set! table k i)
    (hashtable-update! table k (lambda (n) (* n 10)) 0)
    (list (hashtable-ref table k 'missing) (hashtable-contains? table (list 'fresh i)))))
(display (map fresh-key '(1 2 3))) (newline)

;; Mutation: an older object made to point at a younger one (set-cdr!
;; into a list made before), a box shared by two closures, vector-fill!.
(define (grow-tail l n)
  (if (= n 0)
      l
      (let ((cell (list n)))
        (set-cdr! (let last ((p l)) (if (null? (cdr p)) p (last (cdr p)))) cell)
        (grow-tail l (- n 1)))))
(display (grow-tail (list 0) 8)) (newline)
(define (make-counter)
  (let ((n 0))
    (cons (lambda () (set! n (+ n 1)) n) (lambda () (list 'count n)))))
(define c (make-counter))
((car c)) ((car c)) ((car c))
(display ((cdr c))) (newline)
(define v (make-vector 3 #f))
(define (fill! x) (vector-fill! v (list x x)))
(fill! 'a)
(display v) (newline)

;; Non-local exits past frames that hold stack objects: call/cc, an
;; error caught by a handler, dynamic-wind's after thunks.
(define (search l target)
  (call-with-current-continuation
   (lambda (k)
     (let walk ((l l) (path '()))
       (cond ((null? l) #f)
             ((eq? (car l) target) (k (cons target path)))
             (else (walk (cdr l) (cons (list (car l)) path))))))))
(display (search '(a b c d e) 'd)) (newline)
(define log '())
(define (guarded n)
  (guard (e (#t (list 'caught (error-object-message e) (error-object-irritants e) (length log))))
    (dynamic-wind
     (lambda () (set! log (cons (list 'in n) log)))
     (lambda () (let ((stuff (build 100))) (error "boom" (car stuff) (length stuff))))
     (lambda () (set! log (cons (list 'out n) log))))))
(display (guarded 1)) (newline)
(display (guarded 2)) (newline)
(display (reverse log)) (newline)
(define (raise-list) (raise (list 'thrown (build 3))))
(display (guard (e ((pair? e) e)) (raise-list))) (newline)

;; Rest lists and multiple values returned upward.
(define (rest-of . xs) xs)
(define (nest n) (if (= n 0) (rest-of 'x 'y) (cons n (nest (- n 1)))))
(display (nest 5)) (newline)
(define (two-lists n) (values (build n) (reverse (build n))))
(call-with-values (lambda () (two-lists 4)) (lambda (a b) (display (list a b)) (newline)))

;; Parameters: a stack object made the parameter's value.
(define p (make-parameter 0))
(define inside #f)
(define (with-list n) (parameterize ((p (build n))) (set! inside (p)) (length (p))))
(display (with-list 7)) (newline)
(display (list inside (p))) (newline)

;; Strings and flonums made in frames that also allocate pairs.
(define (labels n) (if (= n 0) '() (cons (string-append "n" (number->string (* n 1.5))) (labels (- n 1)))))
(display (labels 4)) (newline)

;; Mutual recursion through a letrec of closures (fix-closure stores
;; each into the other).
(define (parity n)
  (letrec ((ev? (lambda (k) (if (= k 0) 'even (od? (- k 1)))))
           (od? (lambda (k) (if (= k 0) 'odd (ev? (- k 1))))))
    (list (ev? n) ev? od?)))
(display (car (parity 1001))) (newline)
(display ((cadr (parity 0)) 10)) (newline)

;; What every engine prints (no argument):
; expect: 2001000
; expect: 1001000
; expect: (40 1000 40000)
; expect: ((5 . 25) (6 . 36) (7 . 49) (8 . 64))
; expect: (((0 . 0) 0) ((1 . 1) 1) ((2 . 4) 2) ((3 . 9) 3) ((4 . 16) 4) ((5 . 25) 5) ((6 . 36) 6) ((7 . 49) 7) ((8 . 64) 8) ((9 . 81) 9))
; expect: (1 2 3 4 5)
; expect: ((10 #f) (20 #f) (30 #f))
; expect: (0 8 7 6 5 4 3 2 1)
; expect: (count 3)
; expect: #((a a) (a a) (a a))
; expect: (d (c) (b) (a))
; expect: (caught boom (100 100) 2)
; expect: (caught boom (100 100) 4)
; expect: ((in 1) (out 1) (in 2) (out 2))
; expect: (thrown (3 2 1))
; expect: (5 4 3 2 1 x y)
; expect: ((4 3 2 1) (1 2 3 4))
; expect: 7
; expect: ((7 6 5 4 3 2 1) 0)
; expect: (n6.0 n4.5 n3.0 n1.5)
; expect: odd
; expect: even
