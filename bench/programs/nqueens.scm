; nqueens: count the placements of N queens on an N-by-N board; list building
; and recursion.
; size: 10
; expect: 724
; sim-size: 7
; expect: 40
(define (ok? row dist placed)
  (or (null? placed)
      (and (not (= (car placed) (+ row dist)))
           (not (= (car placed) (- row dist)))
           (not (= (car placed) row))
           (ok? row (+ dist 1) (cdr placed)))))

(define (queens board-size)
  (define (place remaining candidates-left placed)
    ; remaining: rows not yet tried at this column; candidates-left: rows skipped.
    (if (null? remaining)
        (if (null? candidates-left) 1 0)
        (+ (let ((row (car remaining)))
             (if (ok? row 1 placed)
                 (place (append (cdr remaining) candidates-left) '() (cons row placed))
                 0))
           (place (cdr remaining) (cons (car remaining) candidates-left) placed))))
  (define (one-to n)
    (let loop ((i n) (rows '()))
      (if (= i 0) rows (loop (- i 1) (cons i rows)))))
  (place (one-to board-size) '() '()))

(display (queens (string->number (cadr (command-line)))))
(newline)
