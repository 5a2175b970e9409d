;;;; print-check.scm -- runtime-src/native/print.ut against the seed's printer.
;;;;
;;;; Purpose: show that print-display, print-write and print-fixnum->string
;;;; give exactly the text the seed's own display and write give, on
;;;; hand-picked tricky values and on 2,000 generated ones.
;;;;
;;;; How: the seed has no string ports, so its printed text can only reach
;;;; the console.  Each case therefore prints two texts between markers --
;;;; `@@case N KIND`, the seed's text, `@@ours`, print.ut's text, `@@end` --
;;;; with an emit that writes each piece to the console, and the program
;;;; ends with `@@cases N`.  tools/tests/native_print.rs compares every
;;;; pair; the program compares nothing itself, so a wrong printer cannot
;;;; approve its own output.  KIND is `write`, `display` or `decimal`
;;;; (print-fixnum->string against `display` of the integer).
;;;;
;;;; print-opaque and print-flonum, which the native library will define,
;;;; are defined here with the seed's own printer (and %copy-chars!, an
;;;; intrinsic natively, as a loop); they print `@@misrouted`
;;;; when handed a value print.ut should have printed itself, so that a
;;;; wrong dispatch shows as a difference.
;;;;
;;;; Cases, in order:
;;;;   1. Atoms: integers at the fixnum and 64-bit limits, characters with
;;;;      and without names, strings with every escape, symbols that need
;;;;      bars and symbols that look like numbers but are not.
;;;;   2. Structure: lists, improper lists, quote forms, vectors,
;;;;      bytevectors, opaque values, nesting past the 1,000-level cut.
;;;;   3. Cycles and sharing: circular lists, cars and vectors, labelled
;;;;      tails, several labels, cycles found only by the visited marks.
;;;;   4. 2,000 generated values from a seeded linear congruential
;;;;      generator, a quarter of them made circular by random mutations,
;;;;      and 500 generated integers for print-fixnum->string.
;;;;
;;;; Random characters never include `@`, so no text can contain a marker.

(define (print-opaque v write? emit)
  (if (or (pair? v) (null? v) (vector? v) (string? v) (symbol? v) (char? v)
          (boolean? v) (exact-integer? v) (bytevector? v) (eof-object? v)
          (eq? v (if #f #f)) (number? v))
      (display "@@misrouted")
      (if write? (write v) (display v))))

(define (print-flonum v emit)
  (if (and (number? v) (inexact? v))
      (display v)
      (display "@@misrouted")))

;; print.ut copies characters with %copy-chars!, a native intrinsic (a
;; machine loop); on the seed it is this loop, with the intrinsic's
;; meaning: characters at .. at+n-1 of s := characters start .. start+n-1
;; of t.
(define (%copy-chars! s at t start n)
  (do ((i 0 (+ i 1))) ((= i n)) (string-set! s (+ at i) (string-ref t (+ start i)))))

(include "../../runtime-src/native/print.ut")

;;; The cases.

(define case-count 0)

(define (emit piece)
  (if (string? piece) (write-string piece) (display "@@emit-given-a-non-string")))

(define (compare kind seed-thunk ours-thunk)
  (set! case-count (+ case-count 1))
  (display "@@case ") (display case-count) (display " ") (display kind) (newline)
  (seed-thunk)
  (newline) (display "@@ours") (newline)
  (ours-thunk)
  (newline) (display "@@end") (newline))

(define (check v)
  (compare "write" (lambda () (write v)) (lambda () (print-write v emit)))
  (compare "display" (lambda () (display v)) (lambda () (print-display v emit))))

(define (check-decimal n)
  (compare "decimal" (lambda () (display n)) (lambda () (write-string (print-fixnum->string n)))))

;;; 1. Atoms.

(define integers
  (list 0 1 -1 7 9 10 -10 99 100 -100 12345 -98765 1000000000000000000 -1000000000000000000
        4611686018427387903 -4611686018427387904 4611686018427387902 -4611686018427387903
        4611686018427387904 -4611686018427387905 9223372036854775807 -9223372036854775808
        9223372036854775806 -9223372036854775807))

(define characters
  (map integer->char
       '(97 65 48 32 10 9 0 13 7 8 127 27 1 31 128 133 159 160 173 5760 8192 8202 8203 8232 8233
         8239 8287 12288 65279 955 233 20013 128512 1114111 40 41 59 34 92 124 35 39 44 96)))

(define strings
  (list "" "abc" "a\"b" "back\\slash" "line\nbreak" "\t\r" "\x0;\x1;\x1f;\x7f;\x80;\x9f;"
        "\xa0;\x85;\x2028;\x3000;" "λ中😀" "|bars|" "#;()[]" "\xad;\x200b;\xfeff;" "a\x1b;[0m"))

(define symbol-names
  '("abc" "" "a b" "1" "+inf.0" "-inf.0" "+nan.0" "-nan.0" "+NaN.0" "+INF.0" "#foo" "a|b" "."
    "+" "-" "..." "1+" "99999999999999999999" "+5" "-5" "+-5" "--5" "5+" "1." ".5" "+.5" "1.e5"
    "1e5" "1e" "1E+5" "1e-5" "1e+" "+.e5" ".e5" "1.2.3" "1/2" "e5" "+e5" ".." "'a" "`a" ",a" "a'b"
    "a#" "(" "[x]" "a;b" "a\"b" "tab\t" "\x85;" "\xa0;" "λ" "\x0;" "a\x7f;" "\x3000;" "a\\b"
    "quote" "#" "@" "12a" "1.5x" "0" "00" "-0" "+0.0" "0.0.0" "1ee5" "1e5e5" "\x2028;" "é"))

(for-each check integers)
(for-each check-decimal integers)
(for-each check characters)
(for-each check strings)
(for-each (lambda (name) (check (string->symbol name))) symbol-names)
(for-each check (list #t #f '() (eof-object) (if #f #f) 1.5 -0.0 1e21 (/ 1.0 3.0)))

;;; 2. Structure.

(define-record-type point (make-point x y) point? (x point-x) (y point-y))
(define (named-procedure x) x)

(define (nest n make)
  (let loop ((i 0) (v '()))
    (if (= i n) v (loop (+ i 1) (make v)))))

(define (iota n)
  (let loop ((i (- n 1)) (l '()))
    (if (< i 0) l (loop (- i 1) (cons i l)))))

(for-each check
  (list '(1 2 3) '(1 . 2) '(1 2 . 3) '((a) (b c) . d) ''x '(quote) '(quote x y) '`(a ,b ,@c)
        '#() '#(1 #(2 "s") (3 . 4)) (bytevector) (bytevector 0 1 127 128 255)
        (list (bytevector) (vector) '() "" (string->symbol ""))
        (list #\a "b" 'c (string->symbol "d e") #\space 1.25 (eof-object) (if #f #f))
        (vector (list 1 (vector 2 (list 3 (vector)))) (cons 'x 'y))
        car named-procedure (lambda (x) x) (let loop ((i 0)) loop) (make-point 1 2)
        (make-eq-hashtable) (guard (e (#t e)) (error "message" 1 "two" 'three))
        (list car (make-point 3 4) (list named-procedure))
        (nest 999 list) (nest 1000 list) (nest 1001 list) (nest 1100 list)
        (nest 1100 vector) (nest 10 (lambda (v) (cons v v)))
        (iota 10000)))

;;; 3. Cycles and sharing.

(define (circular-list . items)
  (let ((l (list-copy items)))
    (set-cdr! (last-pair l) l)
    l))

(define (self-car)
  (let ((p (list 7)))
    (set-car! p p)
    p))

(define (self-vector)
  (let ((v (vector 1 2)))
    (vector-set! v 0 v)
    v))

;; A -> B -> A, with R = (A B): the walk meets B again only after leaving
;; it, so only A is labelled (the visited marks matter).
(define (two-way)
  (let ((a (list 'a #f)) (b (list 'b #f)))
    (set-car! (cdr a) b)
    (set-car! (cdr b) a)
    (list a b)))

;; (1 2 . #0=(3 4 . #0#))
(define (labelled-tail)
  (let ((l (list 1 2 3 4)))
    (set-cdr! (cdddr l) (cddr l))
    l))

(define (own-cars n)
  (let ((l (iota n)))
    (let loop ((p l))
      (unless (null? p)
        (set-car! p p)
        (loop (cdr p))))
    l))

(define (cycle-at-depth n)
  (let ((inner (list 'x)))
    (set-cdr! inner inner)
    (let loop ((i 0) (v inner))
      (if (= i n) v (loop (+ i 1) (list v))))))

(define shared (list 1))

(for-each check
  (list (circular-list 1 2 3) (circular-list 1) (self-car) (self-vector) (two-way)
        (labelled-tail) (list 0 (self-car)) (list shared shared (vector shared))
        (list (circular-list 'a) (self-vector) (circular-list 'b 'c) (labelled-tail))
        (let ((v (vector 1 2 3)) (l (list 'x 'y)))
          (vector-set! v 1 l)
          (set-car! (cdr l) v)
          (list v l))
        (own-cars 5) (own-cars 1100) (cycle-at-depth 5) (cycle-at-depth 999)
        (cycle-at-depth 1005) (apply circular-list (iota 2000))
        (let ((l (iota 300)))
          (set-car! (last-pair l) l)
          l)))

;;; 4. Generated values.

(define random-state 20261121)

;; 27 random bits: x <- (1103515245 x + 12345) mod 2^31, low bits dropped.
(define (random-bits)
  (set! random-state (modulo (+ (* random-state 1103515245) 12345) 2147483648))
  (quotient random-state 16))

(define (random n)
  (remainder (random-bits) n))

(define (random-pick items)
  (list-ref items (random (length items))))

(define whitespace-codes '(9 10 11 12 13 32 133 160 5760 8192 8197 8202 8232 8233 8239 8287 12288))

(define (random-char)
  (integer->char
    (case (random 8)
      ((0 1) (let ((c (+ 32 (random 95)))) (if (= c 64) 65 c)))
      ((2) (random-pick '(92 34 124 10 9 13)))
      ((3) (if (= (random 2) 0) (random 32) (+ 127 (random 33))))
      ((4) (random-pick whitespace-codes))
      ((5) (random-pick '(955 233 20013 128512 65279 8203 173 1114111 57344 55295 65533)))
      ((6) (+ 160 (random 12000)))
      (else (char->integer (string-ref "0123456789+-.eE#'`,()[];" (random 24)))))))

(define (random-string)
  (let ((s (make-string (random 9) #\a)))
    (let loop ((i 0))
      (when (< i (string-length s))
        (string-set! s i (random-char))
        (loop (+ i 1))))
    s))

(define number-pieces '("1" "0" "9" "." "e" "E" "+" "-" "inf.0" "nan.0" "5" "x" "/"))

(define (random-symbol)
  (string->symbol
    (if (= (random 2) 0)
        (random-string)
        (let loop ((n (+ 1 (random 4))) (s ""))
          (if (= n 0) s (loop (- n 1) (string-append s (random-pick number-pieces))))))))

;; An exact integer anywhere in the fixnum range, at or near its ends, or
;; beyond it within 64 bits.
(define (random-integer)
  (case (random 6)
    ((0) (- (random 41) 20))
    ((1) (random-pick '(4611686018427387903 -4611686018427387904 9223372036854775807
                        -9223372036854775808 4611686018427387904 -4611686018427387905)))
    ((2) (let ((n (+ (* (random-bits) 34359738368) (* (random-bits) 32) (random 32))))
           (if (= (random 2) 0) n (- -1 n))))
    ((3) (let ((n (+ (* (random-bits) 68719476736) (* (random-bits) 512) (random 512))))
           (if (= (random 2) 0) n (- -1 n))))
    (else (let loop ((k (random 19)) (n (+ 1 (random 9))))
            (if (= k 0) (if (= (random 2) 0) n (- n)) (loop (- k 1) (* n 10)))))))

(define (random-atom)
  (case (random 12)
    ((0 1) (random-integer))
    ((2) (random-char))
    ((3 4) (random-string))
    ((5 6) (random-symbol))
    ((7) (random-pick (list #t #f '() (eof-object) (if #f #f))))
    ((8) (/ (random-integer) 7.0))
    ((9) (let ((b (make-bytevector (random 4) 0)))
           (let loop ((i 0))
             (when (< i (bytevector-length b))
               (bytevector-u8-set! b i (random 256))
               (loop (+ i 1))))
           b))
    ((10) (random-pick (list car named-procedure (make-point 0 0))))
    (else (vector))))

(define (random-items depth)
  (let loop ((n (random 6)) (items '()))
    (if (= n 0) items (loop (- n 1) (cons (random-value (- depth 1)) items)))))

(define (random-value depth)
  (if (or (= depth 0) (< (random 10) 4))
      (random-atom)
      (case (random 5)
        ((0 1) (random-items depth))
        ((2) (let ((items (random-items depth)))
               (if (null? items) (random-atom) (append items (random-atom)))))
        ((3) (list->vector (random-items depth)))
        (else (list (random-pick '(quote quasiquote unquote unquote-splicing)) (random-value (- depth 1)))))))

;; Every pair and vector of v, a tree (nothing shared yet).
(define (containers v)
  (cond ((pair? v) (cons v (append (containers (car v)) (containers (cdr v)))))
        ((vector? v) (cons v (apply append (map containers (vector->list v)))))
        (else '())))

;; Points one to three random slots of v's containers at others of them:
;; sharing, and cycles wherever the target contains the slot.
(define (tangle! v)
  (let ((all (containers v)))
    (unless (null? all)
      (let loop ((n (+ 1 (random 3))))
        (unless (= n 0)
          (let ((from (random-pick all)) (to (random-pick all)))
            (cond ((pair? from) (if (= (random 2) 0) (set-car! from to) (set-cdr! from to)))
                  ((> (vector-length from) 0) (vector-set! from (random (vector-length from)) to))))
          (loop (- n 1))))))
  v)

(let loop ((i 0))
  (when (< i 2000)
    (let ((v (random-value 5)))
      (check (if (= (random 4) 0) (tangle! v) v)))
    (loop (+ i 1))))

(let loop ((i 0))
  (when (< i 500)
    (check-decimal (random-integer))
    (loop (+ i 1))))

(display "@@cases ") (display case-count) (newline)
