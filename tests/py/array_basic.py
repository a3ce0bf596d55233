# array.array: typecodes, methods, slicing, comparisons, buffers, files.
import array
import copy
import os
import sys
from array import array as A

print(array.typecodes, array.ArrayType is A)
for code in array.typecodes:
    a = A(code)
    print(code, a.typecode, a.itemsize, repr(a), len(a))

a = A('i', [1, 2, 3])
a.append(4)
a.extend([5, 6])
a.extend(A('i', [7]))
a.insert(0, 0)
a.insert(-1, 99)
a.insert(100, 100)
a.insert(-100, -100)
print(a, len(a), a[0], a[-1], a[3])
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(6)
print(a, a.index(3), a.index(3, 1, 5), a.count(3), a.count(42), 3 in a, 42 in a)
a.reverse()
print(a, a.tolist())
print(a[1:4], a[::2], a[::-1], a[5:1:-2], a[100:], a[-3:])
b = A('i', range(10))
b[2:5] = A('i', [20, 30])
print(b)
b[::3] = A('i', [0, 0, 0])
print(b)
del b[1:3]
print(b)
del b[::2]
print(b)
b[0] = -1
b[-1] = 77
del b[1]
print(b)
b[len(b):] = A('i', [8, 9])
b[:0] = A('i', [6])
print(b)
b[1:] = b
print(b)

c = A('d', [1.5, -2.25, 1e300])
print(c, c[1], A('f', [0.1, 1e300, -1e-50]))
print(A('b', [-128, 127, True]), A('B', [0, 255]), A('h', [-32768, 32767]), A('H', [65535]))
print(A('I', [2**32 - 1]), A('l', [-2**63, 2**63 - 1]), A('L', [2**64 - 1]))
print(A('q', [-2**63]), A('Q', [2**64 - 1]))
u = A('u', 'héllo€')
print(u, u.tounicode(), u[1], u[1:3], len(u))
u.fromunicode('!?')
u.append('x')
print(u, u.itemsize)

x = A('h', [1, 2, 256])
raw = x.tobytes()
print(raw, len(raw))
y = A('h')
y.frombytes(raw)
y.frombytes(bytearray(b'\x03\x00'))
y.fromlist([7, 8])
print(y, y == x, y != x, y[:3] == x)
y.byteswap()
print(y)
print(A('i', b'\x01\x00\x00\x00\x02\x00\x00\x00'))
print(A('b', A('i', [1, 2])), A('d', (x for x in range(3))), A('i', A('i', [5])))

print(A('i', [1, 2]) + A('i', [3]), A('i', [1, 2]) * 2, 3 * A('b', [0]), A('i', [1]) * -1)
z = A('i', [1])
z += A('i', [2, 3])
z *= 2
print(z)
z *= 0
print(z, bool(z), bool(A('i', [0])))

print(A('i', [1, 2]) == A('d', [1.0, 2.0]), A('i', [1, 2]) < A('i', [1, 3]),
      A('i', [1, 2]) < A('i', [1, 2, 0]), A('i', [2]) > A('i', [1, 9]),
      A('i', [1, 2]) <= A('i', [1, 2]), A('i') == A('d'), A('i', [1]) == [1])
print(list(A('i', [3, 2, 1])), sorted(A('i', [3, 1, 2])), sum(A('d', [0.5, 0.25])),
      list(reversed(A('i', [1, 2, 3]))), max(A('B', b'abc')))

m = memoryview(A('i', [1, 2, 3]))
print(m.format, m.itemsize, m.nbytes, m.tolist(), m[1], len(m))
arr = A('H', [1, 2, 3])
with memoryview(arr) as mv:
    mv[0] = 500
    print(mv.tolist(), mv.cast('B').tolist()[:4])
print(arr, bytes(arr), bytearray(A('b', [65, 66])), bytes(A('d', [1.0]))[-1])
arr.append(4)
print(arr)
print(b"".join([A('B', b'xy'), b'z']))

addr, n = A('i', [1, 2, 3]).buffer_info()
print(type(addr).__name__, n)

name = "/tmp/stmpy_array_%d" % os.getpid()
with open(name, "wb") as f:
    A('i', range(5)).tofile(f)
    A('i', range(100000)).tofile(f)
with open(name, "rb") as f:
    r = A('i')
    r.fromfile(f, 3)
    print(r)
    r.fromfile(f, 2)
    big = A('i')
    big.fromfile(f, 100000)
    print(len(big), big[99999], sum(big))
    try:
        r.fromfile(f, 1)
    except EOFError as e:
        print("EOFError", e)
os.unlink(name)

s = A('d', [1.0, 2.0])
s2 = copy.copy(s)
s3 = copy.deepcopy(s)
s2[0] = 9
print(s, s2, s3, s2 is not s)


class Sub(A):
    def total(self):
        return sum(self)


sub = Sub('i', [1, 2, 3])
sub.extra = 5
print(type(sub).__name__, sub.total(), sub.extra, repr(sub)[:3], isinstance(sub, A), sub[1:])
print(A.__name__, A.__module__)

big = A('q', range(200000))
big[150000] = -1
print(len(big), big[150000], big[-1], big.count(-1), big.index(199999))
del big[:100000]
print(len(big), big[0])
w = A('d', [1.0] * 1000)
w *= 100
print(len(w), sum(w))
