t = (1, 2, 3)
print(t, t[0], t[-1], t[1:], len(t), t + (4,), t * 2, t.index(2), t.count(1), (1,), ())
a, b, c = t
print(a, b, c, tuple([1, 2]), tuple("ab"), (1, 2) == (1, 2), hash((1, 2)) == hash((1, 2)))
try:
    t[0] = 5
except TypeError as e:
    print(e)
try:
    a, b = t
except ValueError as e:
    print(e)
try:
    a, b, c, d = t
except ValueError as e:
    print(e)
s = {3, 1, 2}
s.add(4)
s.discard(1)
print(sorted(s), 2 in s, len(s), sorted(s | {9}), sorted(s & {2, 3}), sorted(s - {2}), sorted(s ^ {2, 7}))
print(set(), frozenset(), sorted(frozenset([1, 2])), {1, 2} <= {1, 2, 3}, {1} < {1})
try:
    s.remove(100)
except KeyError as e:
    print("KeyError", e)
print(sorted({x % 3 for x in range(10)}), {1, 2} == frozenset({1, 2}))
try:
    {[1]}
except TypeError as e:
    print(e)
