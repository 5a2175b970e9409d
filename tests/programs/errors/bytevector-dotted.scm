; Regression: #u8(1 . 2) read as an empty bytevector instead of failing.
(write #u8(1 . 2))
; expect error at 2:8: a vector literal cannot have a `.` tail
