# Substring search on long inputs of every width: find, rfind, count, index, replace, split,
# partition, in; results summarised per case.

seed = 12345
def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n

def make(alphabet, n):
    return ''.join([alphabet[rand(len(alphabet))] for _ in range(n)])

alphabets = ['ab', 'abc', 'aé', 'a\u20acb', 'x\U0001f600y', 'ab\u0100']
for alpha in alphabets:
    for size in [10, 100, 1000, 5000]:
        hay = make(alpha, size)
        for m in [1, 2, 3, 5, 8, 20, 70]:
            start = rand(max(1, size - m))
            needle = hay[start:start + m]
            other = make(alpha, m)
            for p in [needle, other]:
                f, r, c = hay.find(p), hay.rfind(p), hay.count(p)
                pieces = hay.split(p)
                rpieces = hay.rsplit(p, 3)
                rep = hay.replace(p, '#')
                rep2 = hay.replace(p, p + p, 2)
                part = hay.partition(p)
                rpart = hay.rpartition(p)
                mid = hay.find(p, size // 3, 2 * size // 3)
                rmid = hay.rfind(p, size // 4, -size // 4)
                print(len(alpha), size, m, f, r, c, len(pieces), sum([len(x) for x in pieces[:5]]),
                      len(rpieces), len(rpieces[0]), len(rep), rep.count('#'), len(rep2),
                      len(part[0]), len(rpart[2]), mid, rmid, p in hay, hay.startswith(p),
                      hay.endswith(p), hay.count(p, 7, size - 7))

# needles wider than the haystack can hold never match
print('abc'.find('\u20ac'), 'abc'.count('\U0001f600'), 'a\u20ac'.find('\U0001f600'),
      '\u20ac\u20ac'.rfind('\u20ac'), 'aé'.find('é'), '\U0001f600a'.find('a'))
big = 'ab' * 100000 + 'abc'
print(big.find('abc'), big.rfind('ba'), big.count('ab'), big.find('ab' * 500 + 'c'), len(big.split('b')),
      big.replace('ab', 'x').count('x'), big.index('c'), big.rindex('ab', 0, 50))
