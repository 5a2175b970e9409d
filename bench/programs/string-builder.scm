; string-builder: build a string from the numbers below N (1.1 million
; characters for N = 200,000), then walk it character by character.
; size: 200000
; expect: 1288890
; expect: 4600000
; sim-size: 3000
; expect: 13890
; expect: 43500
(define (numbers-text n)
  (let loop ((i (- n 1)) (parts '()))
    (if (< i 0)
        (apply string-append parts)
        (loop (- i 1) (cons (number->string i) (cons "," parts))))))

(define (digit-sum text)
  (let loop ((i 0) (sum 0))
    (if (= i (string-length text))
        sum
        (let ((c (string-ref text i)))
          (loop (+ i 1)
                (if (char=? c #\,) sum (+ sum (- (char->integer c) 48))))))))

(define text (numbers-text (string->number (cadr (command-line)))))
(display (string-length text))
(newline)
(display (digit-sum text))
(newline)
