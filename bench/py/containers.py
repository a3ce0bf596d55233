# Lists, dicts and strings: building, indexing, iterating.
words = ["w%d" % (i % 1000) for i in range(1000000)]
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
squares = [i * i for i in range(1000000)]
total = 0
for s in squares[::3]:
    total += s
pairs = sorted(counts.items())
print(len(counts), total, pairs[0], pairs[-1])
