;; Tickets (processes.ut, "Tickets"): the numbers 0 to n-1, shared by a
;; process and the children it spawns after making them; each process
;; takes the next one not yet taken, so every number goes to exactly one
;; process.  tools/tests/native.rs builds this and compares every line
;; with the seed's.  The seed cannot fork and has no `processes`: there
;; the program takes every ticket itself from a counter of its own, which
;; answers as a dispenser does, so the lines are the same.

(define processes (guard (e (#t #f)) (send platform processes)))

;; A dispenser of n tickets: the platform's, or a counter in this process.
(define (dispenser n)
  (if processes
      (send processes tickets n)
      (let ((next 0) (closed? #f))
        (lambda (message)
          (case message
            ((take) (if (or closed? (= next n)) #f (begin (set! next (+ next 1)) (- next 1))))
            ((close) (set! closed? #t)))))))
(define (take d) (if processes (send d take) (d 'take)))
(define (close d) (if processes (send d close) (d 'close)))

;; Every ticket this process takes, in the order taken, with some work
;; between takes so that the processes interleave.
(define (take-all d)
  (let loop ((taken '()))
    (let ((t (take d)))
      (if t
          (begin (let spin ((i 0)) (when (< i (* 50 (remainder t 7))) (spin (+ i 1))))
                 (loop (cons t taken)))
          (reverse taken)))))

;; A list of small numbers as bytes (two each) and back: what a child answers.
(define (numbers->bytes ns)
  (let ((out (make-bytevector (* 2 (length ns)) 0)))
    (let loop ((ns ns) (i 0))
      (if (null? ns)
          out
          (begin (bytevector-u8-set! out i (remainder (car ns) 256))
                 (bytevector-u8-set! out (+ i 1) (quotient (car ns) 256))
                 (loop (cdr ns) (+ i 2)))))))
(define (bytes->numbers bv)
  (let loop ((i (- (bytevector-length bv) 2)) (out '()))
    (if (< i 0)
        out
        (loop (- i 2) (cons (+ (bytevector-u8-ref bv i) (* 256 (bytevector-u8-ref bv (+ i 1)))) out)))))

(define (ascending? ns) (or (null? ns) (null? (cdr ns)) (and (< (car ns) (cadr ns)) (ascending? (cdr ns)))))
(define (insert n sorted)
  (if (or (null? sorted) (<= n (car sorted))) (cons n sorted) (cons (car sorted) (insert n (cdr sorted)))))
(define (sort-numbers ns) (fold-left (lambda (sorted n) (insert n sorted)) '() ns))

;; n tickets among this process and `children` children: each number
;; once, and each process's own in ascending order.
(define (share n children)
  (let* ((d (dispenser n))
         (spawned (if processes
                      (map (lambda (i) (send processes spawn (lambda () (numbers->bytes (take-all d)))))
                           (iota children))
                      '()))
         (mine (take-all d))
         (theirs (map (lambda (child) (bytes->numbers (send child result))) spawned))
         (all (apply append mine theirs)))
    (close d)
    (list n 'tickets
          (equal? (sort-numbers all) (iota n))
          (and (ascending? mine) (if (memq #f (map ascending? theirs)) #f #t))
          'after-the-last (take d))))

(display (share 300 1)) (newline)
(display (share 1000 3)) (newline)
(display (share 0 1)) (newline)
(display (share 1 2)) (newline)

;; Closed: this process takes no more, though tickets are left.
(define d (dispenser 5))
(define first (take d))
(close d)
(display (list first (take d) (take d))) (newline)
(close d)
(display 'closed-twice) (newline)
