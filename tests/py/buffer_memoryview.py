# memoryview over bytes and bytearray: items, slices, attributes, conversions.
m = memoryview(b'abcdef')
print(len(m), m[0], m[-1], m[1:4].tobytes(), m[::2].tobytes(), m[::-1].tolist())
print(m.nbytes, m.readonly, m.itemsize, m.format, m.ndim, m.shape, m.strides, m.obj)
print(m.suboffsets, m.c_contiguous, m.f_contiguous, m.contiguous, m[::2].contiguous)
s = m[::2]
print(s.shape, s.strides, s.nbytes, s[1], s[::-1].tolist(), s[1:][::-1].tobytes())
print(m[5:1:-2].tolist(), m[10:].tolist(), m[-100:2].tobytes())
print(bytes(m), bytearray(m), b'-'.join([m, m[1:3], b'x']), bytearray(b'.').join([m[:2]]))
print(bytes(m[::2]), bytearray(m[::-1]), bytes(memoryview(b'')))
print(m == b'abcdef', m[::2] == b'ace', m == m[:], m != b'abc', m == 'abcdef', m == [97])
print(b'abcdef' == m, bytearray(b'ace') == m[::2], m.tobytes() == m)
print(hash(m) == hash(b'abcdef'), hash(m[::2]) == hash(b'ace'), m.hex(), m.hex(':'), m.hex('-', 2), m[::2].hex())
print(list(m[:3]), m.tolist(), [x for x in m[::-2]], 98 in m, 120 in m)
print(m.tobytes('C'), m.tobytes(order='A'), m.tobytes(None))
print(bytes(m.toreadonly()), m.toreadonly().readonly, m.obj is m[1:].obj)

# casts
x = memoryview(bytearray(range(16)))
i = x.cast('i')
print(i.format, i.itemsize, i.shape, i.strides, i.nbytes, i.tolist(), len(i))
print(x.cast('h')[::3].tolist(), x.cast('q').tolist(), x.cast('Q', [2]).tolist(), x.cast('@B').format)
print(x.cast('b').cast('H').tolist(), i.cast('B')[4], i.cast('c')[:3].tolist())
print(memoryview(b'ab').cast('c').tolist(), memoryview(b'\x01\x00').cast('?').tolist())
print(memoryview(b'\x00\x00\x80\x3f').cast('f')[0], memoryview(bytes(16)).cast('d').tolist())
print(memoryview(b'\xff' * 8).cast('l').tolist(), memoryview(b'\xff' * 8).cast('L').tolist())
print(memoryview(b'\xff' * 8).cast('n').tolist(), memoryview(b'\xff' * 8).cast('N').tolist(),
      memoryview(b'\xff' * 8).cast('P').tolist(), memoryview(b'\xfe\xff').cast('h').tolist())
print(memoryview(b'\xff' * 4).cast('I').tolist(), memoryview(b'\xff' * 4).cast('i').tolist())

# writes through views of a bytearray
ba = bytearray(b'hello world')
v = memoryview(ba)
v[0] = 72
v[-1] = ord('D')
v[6:10] = b'WORL'
v[1:5:2] = b'EL'
print(ba, v.readonly)
v[:2] = bytearray(b'hh')
v[2:4] = memoryview(b'zz')
print(ba)
v[::-1] = bytes(v)
print(ba)
w = memoryview(bytearray(12)).cast('i')
w[1] = -5
w[2] = 2**31 - 1
w[0:1] = memoryview(b'\x01\x00\x00\x00').cast('i')
print(w.tolist(), w.obj)
f = memoryview(bytearray(16)).cast('d')
f[0] = 1.5
f[1] = 3
print(f.tolist())
c = memoryview(bytearray(3)).cast('c')
c[1] = b'x'
print(c.tolist())
q = memoryview(bytearray(2)).cast('?')
q[0] = 5
q[1] = []
print(q.tolist())

def err(fn):
    try:
        r = fn()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('ok', r)

def set_(o, k, val):
    o[k] = val

def del_(o, k):
    del o[k]

ro = memoryview(b'abc')
err(lambda: set_(ro, 0, 1))
err(lambda: set_(v, 0, 256))
err(lambda: set_(v, 0, -1))
err(lambda: set_(v, 0, 'a'))
err(lambda: set_(v, 0, 1.0))
err(lambda: del_(v, 0))
err(lambda: set_(v, slice(0, 2), b'abc'))
err(lambda: set_(v, slice(0, 2), 5))
err(lambda: set_(v, 'a', 5))
err(lambda: set_(w, 0, 2**31))
err(lambda: set_(w, 0, 2**70))
err(lambda: set_(w, 0, 'x'))
err(lambda: set_(w, slice(0, 1), b'abcd'))
err(lambda: set_(c, 0, b'ab'))
err(lambda: set_(c, 0, 1))
err(lambda: set_(f, 0, 'x'))
err(lambda: m[6])
err(lambda: m[-7])
err(lambda: m['a'])
err(lambda: m[1.0])
err(lambda: m[::0])
err(lambda: m < m)
err(lambda: memoryview('abc'))
err(lambda: memoryview(5))
err(lambda: memoryview())
err(lambda: hash(memoryview(bytearray(2))))
err(lambda: hash(memoryview(b'abcd').cast('i')))
err(lambda: m.cast('i'))
err(lambda: m.cast('Z'))
err(lambda: m.cast('<i'))
err(lambda: m.cast(1))
err(lambda: m[::2].cast('B'))
err(lambda: x.cast('i').cast('h'))
err(lambda: x.cast('i', (3,)))
err(lambda: x.cast('i', 4))
err(lambda: x.cast('i', [0]))
err(lambda: m.tobytes('X'))
err(lambda: b''.join([m[::2]]))

# release and the context manager
r = memoryview(b'xyz')
print(repr(r).startswith('<memory at 0x'), str(r) == repr(r))
r.release()
r.release()
print(repr(r).startswith('<released memory at 0x'))
err(lambda: r[0])
err(lambda: len(r))
err(lambda: r.tobytes())
err(lambda: r.obj)
err(lambda: r.format)
err(lambda: hash(r))
err(lambda: bytes(r))
print(r == r, r == memoryview(b'xyz'), memoryview(b'xyz') == r)
with memoryview(b'abc') as cm:
    print(cm[1], cm.tolist())
err(lambda: cm[0])
print(type(m).__name__, type(iter(m)).__name__, isinstance(m, memoryview), memoryview.__name__)
h = memoryview(b'ab')
print(hash(h) == hash(b'ab'), {h: 1}[memoryview(b'ab')])

# comparisons with bytes and bytearray: bytes defers to memoryview's items
mb = memoryview(b'b')
for a, b in [(b'a', mb), (mb, b'a'), (bytearray(b'a'), mb), (mb, bytearray(b'a')), (mb, mb)]:
    err(lambda: (a < b, a == b, a != b))
hv = memoryview(b'\x01\x00').cast('h')
print(hv == b'\x01\x00', b'\x01\x00' == hv, bytearray(b'\x01\x00') == hv, hv == bytearray(b'\x01\x00'),
      hv == memoryview(b'\x01\x00'), hv == memoryview(b'\x01\x00').cast('h'))
print(memoryview(b'a') == memoryview(b'a').cast('c'), memoryview(b'\xff').cast('b') == memoryview(b'\xff'))
nan = memoryview(bytearray(8)).cast('d')
nan[0] = float('nan')
print(nan == nan, nan == memoryview(bytes(nan)).cast('d'))
print(b'abc'.find(memoryview(b'c')), b'abc'.startswith(memoryview(b'ab')), bytearray(b'xy') + memoryview(b'z'))
