; Regression: #u8(1 . 2) read as an empty bytevector instead of failing.
(write #u8(1 . 2))
; expect error: a vector literal cannot have a `.` tail
