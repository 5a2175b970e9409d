; integer->char refuses a surrogate code point: it is not a Unicode scalar value.
(display (char->integer (integer->char #xd7ff)))
(newline)
(display (char->integer (integer->char #xe000)))
(newline)
(integer->char #xdfff)
; expect: 55295
; expect: 57344
; expect error at 6:1: integer->char: expected a Unicode scalar value, got 57343
