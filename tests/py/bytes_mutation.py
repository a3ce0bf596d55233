# bytearray mutation: item and slice assignment, deletion, the list-like methods, %.

def show(label, f):
    try:
        r = f()
    except Exception as e:
        r = type(e).__name__ + ': ' + str(e)
    print(label, repr(r))

a = bytearray(b'hello')
a[0] = 72
a[-1] = ord('O')
print(a)
a[1:3] = b'EY'
print(a)
a[1:3] = b''
print(a)
a[0:0] = b'>>'
print(a)
a[len(a):] = [33, 33]
print(a)
a[::2] = b'1234'
print(a)
del a[0]
print(a)
del a[::2]
print(a)
del a[1:3]
print(a)
a[1:2] = bytearray(b'xyz')
print(a)
a[:] = a
print(a)
a[2:] = a
print(a)
a[5:2] = b'in'
print(a, len(a))
def setitem(k, v):
    a[k] = v
def setslice(v):
    a[0:1] = v
def setext(v):
    a[::2] = v
def delitem(k):
    del a[k]
show('set range', lambda: setitem(0, 256))
show('set type', lambda: setitem(0, 'x'))
show('set index', lambda: setitem(99, 1))
show('ext slice size', lambda: setext(b'x'))
show('slice int', lambda: setslice(5))
show('slice str', lambda: setslice('ab'))
show('del index', lambda: delitem(99))

b = bytearray()
for i in range(20):
    b.append(65 + i)
print(b, len(b))
b.extend(b'xyz')
b.extend([1, 2])
b.extend(bytearray(b'!'))
b.extend(range(3))
b.extend(iter(b'it'))
print(b)
b.insert(0, 48)
b.insert(-1, 49)
b.insert(100, 50)
b.insert(-100, 51)
print(b)
print(b.pop(), b.pop(0), b.pop(-2), b)
b.remove(65)
print(b)
b.reverse()
print(b)
c = b.copy()
b.clear()
print(b, c[:5], len(c))
show('append range', lambda: b.append(256))
show('append type', lambda: b.append('a'))
show('extend str', lambda: b.extend('abc'))
show('extend int', lambda: b.extend(5))
show('extend bad item', lambda: b.extend([1, 'a']))
show('pop empty', lambda: bytearray().pop())
show('pop range', lambda: bytearray(b'a').pop(5))
show('remove missing', lambda: bytearray(b'a').remove(98))
show('insert type', lambda: bytearray(b'a').insert('x', 1))

x = bytearray(b'ab')
y = x
x += b'cd'
print(x, y, x is y)
x *= 2
print(x, y, x is y)
big = bytearray()
for i in range(1000):
    big += b'%d,' % i
print(len(big), big[:20], big[-10:])
while len(big) > 10:
    del big[::2]
print(big)

# % formatting of bytes and bytearray
cases = [
    (b'%s', b'abc'), (b'%s', (bytearray(b'x'),)), (b'%b', b'y'), (b'%5s|', b'ab'), (b'%-5b|', b'ab'),
    (b'%.1s', b'xyz'), (b'%r', ('\xe9',)), (b'%a', (b'q',)), (b'%c', 65), (b'%c', b'Z'),
    (b'%d %i %u', (1, -2, 3)), (b'%x %X %#o', (255, 255, 8)), (b'%05.1f', 3.14159), (b'%e', 12345.678),
    (b'%g', 0.0001), (b'%(k)s', {b'k': b'v'}), (b'%%', ()), (b'%s', 'str'), (b'%s', 5),
    (b'%c', 256), (b'%c', b'ab'), (b'%d', b'x'), (b'%s %s', (b'a',)), (b'%s', (b'a', b'b')),
    (b'%z', 1), (b'%(k)s', 1), (b'\xff%s', b'\xfe'), (b'%*d', (4, 7)),
]
for fmt, args in cases:
    show(repr(fmt) + ' % ' + repr(args), lambda: fmt % args)
    show('ba ' + repr(fmt), lambda: bytearray(fmt) % args)

class WithBytes:
    def __bytes__(self):
        return b'WB'
print(b'<%s>' % WithBytes())
