s = list(range(10))
print(s[2:8:2], s[-3:], s[:-3], s[::-1], s[8:2:-2], s[100:], s[-100:2], s[::3])
print("abcdef"[1:-1], "abcdef"[::-2], (1, 2, 3, 4)[1::2])
sl = slice(1, 5, 2)
print(s[sl], sl, sl.start, sl.stop, sl.step, slice(3), slice(None).indices(10), slice(1, -1, 2).indices(6))
s[2:5] = []
print(s)
s[::2] = [0] * len(s[::2])
print(s)
try:
    s[::2] = [1]
except ValueError as e:
    print(e)
try:
    s[::0]
except ValueError as e:
    print(e)
class G:
    def __getitem__(self, k):
        return k
g = G()
print(g[1], g[1:2], g[1:2, 3], g[...], g[:, ::2])
