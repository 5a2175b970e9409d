# sieve: the peer of bench/programs/sieve.scm (a list of booleans, while loops).
import sys


def count_primes(limit):
    composite = [False] * limit
    count = 0
    for i in range(2, limit):
        if not composite[i]:
            j = i * i
            while j < limit:
                composite[j] = True
                j += i
            count += 1
    return count


def repeat(times, limit):
    result = 0
    for _ in range(times):
        result = count_primes(limit)
    return result


print(repeat(10, int(sys.argv[1])))
