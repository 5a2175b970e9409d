; string-builder: build a 1.1-million-character string from 200,000 numbers,
; then walk it character by character.
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

(define text (numbers-text 200000))
(display (string-length text))
(newline)
(display (digit-sum text))
(newline)
; expect: 1288890
; expect: 4600000
