; sieve: the sieve of Eratosthenes over a vector of booleans, counting the
; primes below N, ten times; vector stores and loads in tight loops.
; size: 100000
; expect: 9592
; sim-size: 3000
; expect: 430
(define (count-primes limit)
  (let ((composite (make-vector limit #f)))
    (let loop ((i 2) (count 0))
      (cond ((= i limit) count)
            ((vector-ref composite i) (loop (+ i 1) count))
            (else
             (let mark ((j (* i i)))
               (if (< j limit)
                   (begin (vector-set! composite j #t)
                          (mark (+ j i)))))
             (loop (+ i 1) (+ count 1)))))))

(define (repeat times limit)
  (let loop ((k 1) (result (count-primes limit)))
    (if (= k times) result (loop (+ k 1) (count-primes limit)))))

(display (repeat 10 (string->number (cadr (command-line)))))
(newline)
