; inherit (the superclass's initialiser is a super-send of %init) and
; super sends; a closure in a method captures the receiver.
(define-class (Animal name)
  (slot tag name)
  (method (speak) (string-append name " says " (sound)))
  (method (sound) "..."))
(define-class (Dog name)
  (inherit Animal name)
  (slot tricks '())
  (method (sound) "woof")
  (method (speak) (string-append (send super speak) "!"))
  (method (loud) (send super speak))
  (method (all) (map (lambda (t) (list t (sound))) tricks)))
