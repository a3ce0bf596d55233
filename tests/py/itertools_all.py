# itertools: every function, including infinite ones cut with islice,
# edge cases (empty inputs, zero lengths, negative values) and errors.
import itertools as it
from operator import mul, add

print(list(it.islice(it.count(), 5)), list(it.islice(it.count(10, -2.5), 4)), list(it.islice(it.count(1, 0), 3)))
print(list(it.islice(it.cycle("ab"), 5)), list(it.cycle([])), list(it.repeat("x", 3)), list(it.repeat(1, -1)))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3], mul)), list(it.accumulate([], add)))
print(list(it.accumulate([1, 2, 3], initial=100)), list(it.accumulate("abc")), list(it.accumulate([5, 1, 7, 2], max)))
print(list(it.chain("ab", [1], ())), list(it.chain.from_iterable(["xy", "z"])), list(it.chain()))
print(list(it.compress("abcdef", [1, 0, 1, 0, 1])), list(it.compress("ab", [])))
print(list(it.dropwhile(lambda x: x < 3, [1, 2, 3, 1])), list(it.takewhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(it.filterfalse(None, [0, 1, "", "a"])), list(it.filterfalse(lambda x: x % 2, range(6))))
print([(k, list(g)) for k, g in it.groupby("aaabccaa")])
print([(k, len(list(g))) for k, g in it.groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)])
groups = it.groupby("aabb")
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2))
print(list(it.islice(range(10), 2, 8, 3)), list(it.islice("abc", None)), list(it.islice("abcdef", 4, None)))
for args in [(range(3), -1), (range(3), 1, 0), (range(3), "a")]:
    try:
        it.islice(*args)
    except ValueError as e:
        print(type(e).__name__, e)
print(list(it.pairwise("abcd")), list(it.pairwise("a")))
print(list(it.starmap(pow, [(2, 3), (3, 2)])), list(it.starmap(max, ["ab", "zy"])))
a, b, c = it.tee([1, 2, 3], 3)
print(list(a), list(b), next(c), list(c))
try:
    it.tee([], -1)
except ValueError as e:
    print(type(e).__name__, e)
print(list(it.zip_longest("ab", "xyz", fillvalue="-")), list(it.zip_longest()), list(it.zip_longest([1], [])))
print(list(it.product("ab", [1, 2])), list(it.product("ab", repeat=2))[:3], list(it.product()), list(it.product("a", [])))
print(list(it.permutations("abc", 2)), len(list(it.permutations(range(5)))), list(it.permutations("ab", 3)))
print(list(it.combinations("abcd", 2)), list(it.combinations("ab", 0)), list(it.combinations("ab", 5)))
print(list(it.combinations_with_replacement("abc", 2)), list(it.combinations_with_replacement([], 2)))
for f, args in [(it.permutations, ("ab", -1)), (it.combinations, ("ab", -1)), (it.product, ("a",)),
                (it.count, ("a",)), (it.repeat, ()), (it.chain, (5,))]:
    try:
        r = f(*args)
        print(f.__name__, list(it.islice(r, 3)))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    it.product("ab", repeat=-1)
except ValueError as e:
    print(type(e).__name__, e)
print(repr(it.count(3)), repr(it.count(1.5, 2)), repr(it.repeat("z", 2)), repr(it.repeat(1)))
c = it.count(5)
next(c)
print(repr(c))
print(sum(1 for _ in it.combinations(range(10), 4)), sum(1 for _ in it.product(range(3), repeat=4)))
def primes():
    for n in it.count(2):
        if all(n % p for p in range(2, int(n ** 0.5) + 1)):
            yield n
print(list(it.islice(primes(), 10)))
print(list(it.islice(it.accumulate(it.repeat(2), mul), 5)))
print(dict(it.zip_longest("abc", range(2))))
