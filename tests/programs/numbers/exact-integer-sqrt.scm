; exact-integer-sqrt: s and r with s*s + r = k, s*s <= k < (s+1)^2, up to
; the largest exact integer, and its error for what it cannot take.
(define (show . xs) (for-each (lambda (x) (write x) (display " ")) xs) (newline))
(define (isqrt k) (call-with-values (lambda () (exact-integer-sqrt k)) list))
(show (isqrt 0) (isqrt 1) (isqrt 2) (isqrt 3) (isqrt 4))
; expect: (0 0) (1 0) (1 1) (1 2) (2 0) 
(show (isqrt 15) (isqrt 16) (isqrt 17) (isqrt 99) (isqrt 100))
; expect: (3 6) (4 0) (4 1) (9 18) (10 0) 
; Every k below 2000 against the definition.
(define (check k)
  (let* ((sr (isqrt k)) (s (car sr)) (r (cadr sr)))
    (and (= (+ (* s s) r) k) (<= (* s s) k) (< k (* (+ s 1) (+ s 1))))))
(show (let loop ((k 0)) (cond ((= k 2000) 'all-right) ((check k) (loop (+ k 1))) (else k))))
; expect: all-right 
; Near 2^62 and 2^63, where the flonum square root is off by one and
; (s+1)^2 no longer fits.
(show (isqrt 4611686018427387903) (isqrt 4611686018427387904))
; expect: (2147483647 4294967294) (2147483648 0) 
(show (isqrt 9223372030926249000) (isqrt 9223372030926249001) (isqrt 9223372036854775807))
; expect: (3037000498 6074000996) (3037000499 0) (3037000499 5928526806) 
(define (message thunk)
  (guard (e ((error-object? e) (error-object-message e))) (thunk)))
(show (message (lambda () (exact-integer-sqrt -1))))
; expect: "exact-integer-sqrt: expected a non-negative exact integer, got" 
(show (message (lambda () (exact-integer-sqrt 4.0))))
; expect: "exact-integer-sqrt: expected a non-negative exact integer, got" 
