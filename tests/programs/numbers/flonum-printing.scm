; Flonums print as the seed prints them: Rust's shortest digits that read back, positional for decimal exponents -3 to 9, scientific otherwise.
(define (show x . xs) (write x) (for-each (lambda (x) (display " ") (write x)) xs) (newline))
(show 1.5 3.0 0.1 100.0 -2.25 0.5)
; expect: 1.5 3.0 0.1 100.0 -2.25 0.5
(show 1e21 1e-7 1e9 1e10 0.001 0.0001 123456789.125 1234567890123.0)
; expect: 1e21 1e-7 1000000000.0 1e10 0.001 1e-4 123456789.125 1.234567890123e12
(show (/ 1. 3) (/ 2. 3) (+ 0.1 0.2) (* 3 0.1) (- 0.3 0.1))
; expect: 0.3333333333333333 0.6666666666666666 0.30000000000000004 0.30000000000000004 0.19999999999999998
(show 0.0 -0.0 (- 0.0) (/ 1. 0.) (/ -1. 0.) (/ 0. 0.))
; expect: 0.0 -0.0 -0.0 +inf.0 -inf.0 +nan.0
; The extremes: the largest double, the smallest normal one, the smallest subnormal one.
(show 1.7976931348623157e308 2.2250738585072014e-308 5e-324 2.5e-320)
; expect: 1.7976931348623157e308 2.2250738585072014e-308 5e-324 2.5e-320
; 1e23 reads as the double below 10^23 (10^23 is halfway, and its significand is even), so that one prints as 1e23.
(show 1e23 9.999999999999999e22 1.0000000000000001e23 1e22 123e18)
; expect: 1e23 1e23 1.0000000000000001e23 1e22 1.23e20
; Integers past 2^53 and the fixnums, converted.
(show (exact->inexact 9007199254740993) (exact->inexact 4611686018427387903) (* 1. 123456789012))
; expect: 9.007199254740992e15 4.611686018427388e18 1.23456789012e11
(show (number->string 1e100) (number->string -1.25e-10) (number->string 42.0))
; expect: "1e100" "-1.25e-10" "42.0"
(display (list 2.5 -0.001 1e300))
(newline)
; expect: (2.5 -0.001 1e300)
; Powers of 3.7 and of 1/7.3 cross from positional to scientific at both ends.
(let loop ((i 0) (x 1.0)) (when (< i 18) (display " ") (display x) (loop (+ i 1) (* x 3.7))))
(newline)
; expect:  1.0 3.7 13.690000000000001 50.653000000000006 187.41610000000003 693.4395700000001 2565.7264090000003 9493.187713300002 35124.79453921001 129961.73979507704 480858.43724178505 1779176.2177946048 6582952.005840038 24356922.421608143 90120612.95995013 333446267.9518155 1233751191.4217174 4564879408.260355
(let loop ((i 0) (x 1.0)) (when (< i 8) (display " ") (display x) (loop (+ i 1) (/ x 7.3))))
(newline)
; expect:  1.0 0.136986301369863 0.018765246762994934 0.0025705817483554706 3.5213448607609185e-4 4.823760083234135e-5 6.607890524978268e-6 9.051904828737354e-7
(show (eqv? 1.5 (/ 3 2)) (eqv? 0.0 -0.0) (round 2.5) (round -0.5) (ceiling -0.5) (exact 1e18))
; expect: #t #f 2.0 -0.0 -0.0 1000000000000000000
; Reading decimals rounds correctly: the halfway case below the smallest subnormal, past the largest double.
(show (string->number "1.5") (string->number "-.5e-3") (string->number "0.1e1") (string->number "1e400"))
; expect: 1.5 -5e-4 1.0 +inf.0
(show (string->number "2.4703282292062328e-324") (string->number "2.4703282292062327e-324") (string->number "9007199254740993.0"))
; expect: 5e-324 0.0 9.007199254740992e15
(show (string->number "#i7") (string->number "#e2.0") (string->number "#e2.5") (string->number "-inf.0") (string->number "#e+inf.0"))
; expect: 7.0 2 #f -inf.0 #f
(number->string 1.5 16)
; expect error at 41:1: number->string: a flonum can only be printed in radix 10
