# binary-trees: the peer of bench/programs/binary-trees.scm (trees of 2-tuples).
import sys


def make_tree(depth):
    if depth == 0:
        return (None, None)
    return (make_tree(depth - 1), make_tree(depth - 1))


def check(tree):
    if tree[0] is None:
        return 1
    return 1 + check(tree[0]) + check(tree[1])


def run(max_depth):
    min_depth = 4
    print(f"stretch tree of depth {max_depth + 1} check: {check(make_tree(max_depth + 1))}")
    long_lived = make_tree(max_depth)
    for depth in range(min_depth, max_depth + 1, 2):
        iterations = 2 ** (max_depth - depth + min_depth)
        total = sum(check(make_tree(depth)) for _ in range(iterations))
        print(f"{iterations} trees of depth {depth} check: {total}")
    print(f"long lived tree of depth {max_depth} check: {check(long_lived)}")


run(int(sys.argv[1]))
