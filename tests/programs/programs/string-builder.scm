; Building strings piece by piece: joining, repeating, padding and number formatting.
(define (show x) (display x) (newline))
(define (join strs sep)
  (if (null? strs) ""
      (let loop ((acc (car strs)) (rest (cdr strs)))
        (if (null? rest) acc (loop (string-append acc sep (car rest)) (cdr rest))))))
(define (repeat s n) (if (= n 0) "" (string-append s (repeat s (- n 1)))))
(define (pad-left s width ch)
  (if (>= (string-length s) width) s (pad-left (string-append (string ch) s) width ch)))
(show (join '("a" "b" "c") ", "))
; expect: a, b, c
(show (join '() "-"))
; expect:
(show (repeat "ab" 3))
; expect: ababab
(show (pad-left (number->string 42) 6 #\0))
; expect: 000042
(show (join (map number->string '(1 2 3)) "+"))
; expect: 1+2+3
(define (string-reverse s) (list->string (reverse (string->list s))))
(show (string-reverse "hello"))
; expect: olleh
(define (count-char c s)
  (let loop ((i 0) (n 0))
    (cond ((= i (string-length s)) n)
          ((char=? c (string-ref s i)) (loop (+ i 1) (+ n 1)))
          (else (loop (+ i 1) n)))))
(show (count-char #\s "mississippi"))
; expect: 4
