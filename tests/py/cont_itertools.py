# itertools: every function, with edge cases.
import itertools
from itertools import *

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

for label, f in [
        ("count", lambda: (list(islice(count(), 5)), list(islice(count(10, -2), 4)), list(islice(count(1.5, 0.5), 3)))),
        ("count repr", lambda: (count(), count(3), count(1, 2), count(0.5), count(2**70, 3))),
        ("count bad", lambda: count('a')),
        ("cycle", lambda: (list(islice(cycle('abc'), 8)), list(cycle([])))),
        ("repeat", lambda: (list(repeat('x', 3)), list(repeat(1, 0)), list(repeat(1, -5)), repeat(1, 2), repeat('a'), list(islice(repeat(7), 3)))),
        ("repeat hint", lambda: repeat(1, 5).__length_hint__()),
        ("accumulate", lambda: (list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], lambda a, b: a * b)), list(accumulate([], initial=5)), list(accumulate([1, 2], initial=100)), list(accumulate('abc')))),
        ("accumulate max", lambda: list(accumulate([3, 1, 4, 1, 5, 9, 2], max))),
        ("chain", lambda: (list(chain('ab', [1, 2], ())), list(chain()), list(chain.from_iterable(['xy', 'z', ''])))),
        ("chain bad", lambda: list(chain([1], 5))),
        ("compress", lambda: (list(compress('abcdef', [1, 0, 1, 0, 1, 1])), list(compress('abc', [1])), list(compress(data='ab', selectors=[0, 1])))),
        ("dropwhile", lambda: list(dropwhile(lambda x: x < 3, [1, 2, 3, 4, 1]))),
        ("takewhile", lambda: list(takewhile(lambda x: x < 3, [1, 2, 3, 4, 1]))),
        ("filterfalse", lambda: (list(filterfalse(None, [0, 1, 0, 2, ''])), list(filterfalse(lambda x: x % 2, range(10))))),
        ("groupby", lambda: [(k, list(g)) for k, g in groupby('aaabbcaad')]),
        ("groupby key", lambda: [(k, list(g)) for k, g in groupby(range(10), key=lambda x: x // 3)]),
        ("groupby empty", lambda: list(groupby([]))),
        ("groupby skip", lambda: [k for k, g in groupby('aabbbc')]),
        ("islice", lambda: (list(islice('abcdefg', 2)), list(islice('abcdefg', 2, 4)), list(islice('abcdefg', 2, None)), list(islice('abcdefg', 0, None, 2)), list(islice('abc', 5, 10)), list(islice(count(), 3, 20, 5)))),
        ("islice none", lambda: list(islice('abc', None))),
        ("islice neg", lambda: islice('a', -1)), ("islice step0", lambda: islice('a', 0, 1, 0)),
        ("islice bad", lambda: islice('a', 'x')),
        ("pairwise", lambda: (list(pairwise('abcd')), list(pairwise('a')), list(pairwise([])))),
        ("starmap", lambda: (list(starmap(pow, [(2, 5), (3, 2)])), list(starmap(lambda *a: a, ['ab', [1]])))),
        ("zip_longest", lambda: (list(zip_longest('ab', 'xyz', fillvalue='-')), list(zip_longest('abc', [1])), list(zip_longest()))),
        ("product", lambda: (list(product('ab', range(2))), list(product([1, 2], repeat=2)), list(product()), list(product('ab', [])), len(list(product(range(3), repeat=3))))),
        ("permutations", lambda: (list(permutations('abc', 2)), list(permutations([1, 2, 3])), list(permutations('ab', 3)), list(permutations([], 0)), len(list(permutations(range(6)))))),
        ("combinations", lambda: (list(combinations('abcd', 2)), list(combinations(range(4), 3)), list(combinations('ab', 0)), list(combinations('ab', 3)))),
        ("cwr", lambda: (list(combinations_with_replacement('abc', 2)), list(combinations_with_replacement([], 2)), list(combinations_with_replacement('ab', 0)))),
        ("perm bad r", lambda: permutations('abc', -1)),
        ("comb missing r", lambda: combinations('abc')),
        ]:
    show(label, f)

a, b = tee(iter([1, 2, 3, 4]))
print(next(a), next(a), list(b), list(a))
a, b, c = tee('xyz', 3)
print(list(a), list(c), list(b))
print(tee([1], 0), len(tee([])))
t1, t2 = tee(count())
print(next(t1), next(t1), next(t2))
t3, = tee(t1, 1)
print(next(t3), next(t1))
g = groupby('aabb')
k1, g1 = next(g)
k2, g2 = next(g)
print(k1, list(g1), k2, list(g2))
print(type(count()), type(chain()).__name__, isinstance(chain(), chain), itertools.chain.__module__)
class MyChain(chain):
    pass
print(list(MyChain('ab', 'c')))
it = takewhile(lambda x: x < 2, [1, 2, 1])
print(list(it), list(it))
print(sum(1 for _ in permutations(range(7))), sum(1 for _ in combinations(range(20), 3)))
