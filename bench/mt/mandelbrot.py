"""Mandelbrot set, the picture split into T bands computed by T threads.

    stmpy bench/mt/mandelbrot.py T SIZE

SIZE x SIZE points of [-2, 0.5] x [-1.25, 1.25], at most 255 iterations
each.  Band k is the rows y with y % T == k (interleaved rows, so that
the bands cost the same); each thread writes the iteration counts of its
rows into a list of its own, and the main thread puts the rows back in
order at the end.  Checksum: count of points in the set and a weighted
sum of all iteration counts (independent of T).
"""
import sys
import threading

MAXITER = 255


def band(size, k, t, results):
    rows = []
    step_x = 2.5 / size
    step_y = 2.5 / size
    for y in range(k, size, t):
        ci = -1.25 + y * step_y
        row = []
        for x in range(size):
            cr = -2.0 + x * step_x
            zr = zi = 0.0
            n = 0
            while n < MAXITER:
                zr2 = zr * zr
                zi2 = zi * zi
                if zr2 + zi2 > 4.0:
                    break
                zi = 2.0 * zr * zi + ci
                zr = zr2 - zi2 + cr
                n += 1
            row.append(n)
        rows.append(row)
    results[k] = rows


def main():
    t = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    results = [None] * t
    threads = [threading.Thread(target=band, args=(size, k, t, results)) for k in range(t)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    image = [results[y % t][y // t] for y in range(size)]
    inside = 0
    weighted = 0
    for y, row in enumerate(image):
        for x, n in enumerate(row):
            if n == MAXITER:
                inside += 1
            weighted = (weighted * 31 + n) % 1000000007
    print("mandelbrot", size, inside, weighted)


main()
