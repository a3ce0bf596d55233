# set and frozenset: methods, operators, comparisons, order, hashing.
def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

print({3, 1, 2}, set(range(20)), {100, 5, 33, 8, 1000, -1}, set('a'), set())
print({10, 20, 30, 40, 50, 60, 70, 80, 90}, set([x * 37 for x in range(15)]))
print(frozenset(), frozenset([1, 2]), {frozenset([1]), frozenset()})
a, b = {1, 2, 3, 4}, {3, 4, 5}
for label, f in [("|", lambda: a | b), ("&", lambda: a & b), ("-", lambda: a - b), ("^", lambda: a ^ b),
                 ("union", lambda: a.union(b, [9], (10,))), ("inter", lambda: a.intersection(b, [4, 3])),
                 ("diff", lambda: a.difference(b, [1])), ("symdiff", lambda: a.symmetric_difference([1, 9])),
                 ("sub", lambda: a.issubset(range(10))), ("sup", lambda: a.issuperset([1, 2])),
                 ("disj", lambda: a.isdisjoint([7, 8])), ("disj2", lambda: a.isdisjoint(b)),
                 ("<", lambda: (a < a, {1} < a, a <= a, a > {1}, a >= b, a == {4, 3, 2, 1}, a != b)),
                 ("fs ops", lambda: (frozenset(a) | b, b | frozenset(a), frozenset(a) & b)),
                 ("bad op", lambda: a | [1]), ("bad cmp", lambda: a < [1]),
                 ("eq other", lambda: (a == [1, 2, 3, 4], {1} == frozenset([1]))),
                 ("in", lambda: (1 in a, 9 in a, frozenset([1]) in {frozenset([1])}, {1} in {frozenset([1])})),
                 ("unhashable", lambda: [] in a), ("len", lambda: (len(a), len(set()))),
                 ("copy", lambda: (a.copy(), frozenset(a).copy()))]:
    show(label, f)

for name, args in [("add", (9,)), ("add", (1,)), ("discard", (1,)), ("discard", (99,)),
                   ("remove", (2,)), ("remove", (99,)), ("pop", ()), ("clear", ()),
                   ("update", ([7, 8], {9})), ("intersection_update", ([1, 2, 99],)),
                   ("difference_update", ([1], {2})), ("symmetric_difference_update", ({1, 50},))]:
    s = {1, 2, 3, 4}
    show((name, args), lambda: (getattr(s, name)(*args), s))
show("pop empty", lambda: set().pop())
s = {1, 2, 3}
s |= {4}
s &= {1, 2, 4, 5}
s -= {1}
s ^= {2, 9}
print(s)
s = set(range(10))
popped = [s.pop() for _ in range(4)]
print(popped, s)
s = set()
for i in range(100):
    s.add(i * 13 % 101)
for i in range(0, 100, 2):
    s.discard(i)
print(len(s), sorted(s)[:10], list(s)[:10])
print(hash(frozenset()), hash(frozenset([1, 2, 3])), hash(frozenset(['a'])) == hash(frozenset(['a'])))
print(hash(frozenset(range(100))), hash(frozenset([(1, 2), 3.5, -7])))
show("set hash", lambda: hash({1}))
s = {1, 2}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print("RuntimeError", e)
class S(set):
    pass
class F(frozenset):
    pass
print(S([1, 2]), F([1]), S(), F(), type(S([1]) | {2}), type(F([1]) & {1}), S([1]) == {1})
x = S([1])
print(x)
show("kw", lambda: set(a=1))
print(set[int], frozenset([3, 2, 1]) == {1, 2, 3}, {1, 2} == frozenset([1, 2]))
print(sorted(set({'b': 1, 'a': 2})), set('abracadabra') == set('abrcd'), sorted(set('abracadabra')))
