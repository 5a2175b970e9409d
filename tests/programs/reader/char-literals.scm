; Character literals: plain, named and hexadecimal forms.
(define (show x) (write x) (newline))
(show (list #\a #\Z #\0 #\( #\)))
; expect: (#\a #\Z #\0 #\( #\))
(show #\x41)
; expect: #\A
(show (char->integer #\x3bb))
; expect: 955
(show (map char->integer (list #\space #\newline #\tab #\return #\null)))
; expect: (32 10 9 13 0)
(show (map char->integer (list #\alarm #\backspace #\delete #\escape)))
; expect: (7 8 127 27)
(show (char->integer #\x))
; expect: 120
(show (list #\space #\newline))
; expect: (#\space #\newline)
