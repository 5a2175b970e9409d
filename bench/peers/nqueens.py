# nqueens: the peer of bench/programs/nqueens.scm, with the same algorithm
# (lists become Python tuples; the recursion is the same).
import sys


def ok(row, dist, placed):
    while placed:
        first = placed[0]
        if first == row + dist or first == row - dist or first == row:
            return False
        dist += 1
        placed = placed[1:]
    return True


def place(remaining, candidates_left, placed):
    if not remaining:
        return 1 if not candidates_left else 0
    row = remaining[0]
    here = 0
    if ok(row, 1, placed):
        here = place(remaining[1:] + candidates_left, (), (row,) + placed)
    return here + place(remaining[1:], (row,) + candidates_left, placed)


def queens(board_size):
    return place(tuple(range(1, board_size + 1)), (), ())


sys.setrecursionlimit(10000)
print(queens(int(sys.argv[1])))
