"""list.append / list.pop in a loop, run in T threads, each on its own list.

    stmpy bench/mt/listpop.py T N

N iterations in all, split into T contiguous ranges of i; thread k appends
each i of its range to its own list and adds the popped value to its own
total (a local variable).  The only shared write is the thread's result
slot at the end.  Checksum: the sum of all i (independent of T).
After the pypy-stm 2.3 release's "artificial example".
"""
import sys
import threading


def work(lo, hi, results, k):
    total = 0
    lst = ["foo"]
    for i in range(lo, hi):
        lst.append(i)
        total += lst.pop()
    results[k] = total


def main():
    t = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 3000000
    results = [0] * t
    threads = [threading.Thread(target=work, args=(k * n // t, (k + 1) * n // t, results, k))
               for k in range(t)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    print("listpop", n, sum(results))


main()
