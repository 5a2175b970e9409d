; symbol->string on a string is a wrong-type error that writes the offending string.
(symbol->string "not-a-symbol")
; expect error at 2:1: symbol->string: expected a symbol, got "not-a-symbol"
