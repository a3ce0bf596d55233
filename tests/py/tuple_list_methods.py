# list and tuple methods and behaviours: index with bounds, count, insert
# at out-of-range positions, pop with indexes, remove/index errors, extend
# with iterators, copy/clear, comparison, concatenation/repetition errors,
# tuple immutability messages, and list identity under augmented ops.
lst = [3, 1, 4, 1, 5, 9, 2, 6]
print(lst.index(1), lst.index(1, 2), lst.index(9, -4, -1), lst.count(1), lst.count(7))
for bad in [lambda: lst.index(7), lambda: lst.index(1, 4, 5), lambda: [].pop(), lambda: [1].pop(5), lambda: lst.remove(42),
            lambda: lst.insert("0", 1), lambda: lst.pop("x"), lambda: [1] + (2,), lambda: [1] * "2", lambda: [1] * 1.5,
            lambda: (1,) + [2], lambda: lst[10], lambda: lst["a"], lambda: lst.__setitem__(20, 0), lambda: [].index()]:
    try:
        print(bad())
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
x = [1, 2, 3]
x.insert(100, "end")
x.insert(-100, "start")
x.insert(-1, "before-last")
print(x, x.pop(), x.pop(0), x.pop(-2), x)
x.extend(iter(range(2)))
x.extend("ab")
x.extend(())
print(x, x.copy() == x, x.copy() is x)
x.clear()
print(x, [] == [], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 99], [[1]] == [[1]])
a = [1]
b = a
a += [2]
a *= 2
print(a is b, b)
a = a + [3]
print(a is b, b)
t = (1, [2], "s")
for bad in [lambda: t.__setitem__(0, 5), lambda: t.append(1), lambda: t.__delitem__(0)]:
    try:
        bad()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
t[1].append(3)
print(t, t.index("s"), t.count(1), t + (4,), t * 2, len(t), t[::-1], (1,) * 0, () == tuple(), tuple("ab"))
try:
    t += ([5],)
    print(t)
except TypeError as e:
    print(type(e).__name__, e)
try:
    t[1] += [4]
except TypeError as e:
    print(type(e).__name__, e, t)
nested = [[0] * 2] * 2
nested[0][0] = 9
print(nested, [[0] * 2 for _ in range(2)])
print(list(range(3)) * 2, [None] * 3, [] * 5, [1, 2] * -1, sorted([3, 1, 2]) == [1, 2, 3], list("abc"), list({1: 2}))
big = list(range(10))
del big[2:8:2]
del big[-1]
big[1:1] = [100, 101]
print(big, big[-3:], big[:2], big[::3])
print(repr([1, "a", None, [2.5]]), str((1,)), repr(()), repr((1, 2)), repr([[]]), [1, 2].__len__(), [1].__contains__(1))
l2 = [5, 3, 8]
l2.reverse()
print(l2, list(reversed(l2)), l2.sort() is None, l2)
rec = [1]
rec.append(rec)
print(rec, len(rec), rec[1] is rec)
t2 = (1, 2)
print(hash(t2) == hash((1, 2)), t2 == (1, 2), (1, 2) < (1, 3), (1,) < (1, 0), max([(1, "b"), (1, "a")]))
