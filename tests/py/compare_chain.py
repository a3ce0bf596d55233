x = 5
print(1 < x < 10, 1 < x > 10, x == 5 == 5.0, 1 <= 1 < 2 <= 2)
print([1, 2] < [1, 3], (1, 2) < (1, 2, 0), "abc" < "abd", [1, [2]] == [1, [2]])
one = 1
print(None is None, one is not None, "a" in "cat", 3 not in [1, 2])
def noisy(v):
    print("eval", v)
    return v
print(noisy(1) < noisy(2) < noisy(0) < noisy(3))
try:
    1 < "a"
except TypeError as e:
    print(e)
try:
    [1] < (1,)
except TypeError as e:
    print(e)
try:
    None > 2
except TypeError as e:
    print(e)
print(1 == "1", [] == (), {} != set())
class Eq:
    def __eq__(self, o):
        print("Eq.__eq__")
        return NotImplemented
print(Eq() == Eq(), Eq() != 3)
