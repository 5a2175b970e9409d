; error with only a message reports the message.
(error "something went wrong")
; expect error at 2:1: something went wrong
