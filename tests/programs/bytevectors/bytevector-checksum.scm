; Byte-level processing: fill a bytevector, sum it modulo 256 and encode a string's characters.
(define (show x) (write x) (newline))
(define bv (make-bytevector 300 0))
(do ((i 0 (+ i 1))) ((= i 300)) (bytevector-u8-set! bv i (modulo (* i 7) 256)))
(define (checksum bv)
  (let loop ((i 0) (sum 0))
    (if (= i (bytevector-length bv)) sum
        (loop (+ i 1) (modulo (+ sum (bytevector-u8-ref bv i)) 256)))))
(show (checksum bv))
; expect: 94
(define (ascii s)
  (let ((out (make-bytevector (string-length s) 0)))
    (do ((i 0 (+ i 1))) ((= i (string-length s)) out)
      (bytevector-u8-set! out i (char->integer (string-ref s i))))))
(show (ascii "Hi!"))
; expect: #u8(72 105 33)
(show (bytevector-u8-ref bv 299))
; expect: 45
