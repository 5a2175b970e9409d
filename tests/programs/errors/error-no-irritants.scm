; error with only a message reports the message.
(error "something went wrong")
; expect error: something went wrong
