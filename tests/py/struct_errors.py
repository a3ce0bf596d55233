import struct

def t(f, *a):
    try:
        r = struct.pack(f, *a)
    except Exception as e:
        r = '%s %s' % (type(e).__name__, e)
    shown = [x if isinstance(x, (int, float, str, bytes, bytearray, list)) else type(x).__name__
             for x in a]
    print(f, shown, r)

for f in 'bBhHiIlLqQnNP':
    for v in (-1, 2**64, 1.5, 'x', 2**63, -2**63 - 1, 40000, 2**31, 2**32):
        t(f, v)
for p in '<>!=':
    for f in 'bBhHiIlLqQ':
        for v in (-1, 2**64, 2**63, -2**63 - 1, 'x', 40000, 2**31, 2**32, 255, 256, -129):
            t(p + f, v)
for f in ['f', '<f', '>f', 'e', '<e', '>e', 'd', '<d', '!d']:
    for v in (1e300, 'x', 65520.0, 65519.0, 3.4028235e38, 3.4028236e38, float('inf'), -0.0, 3):
        t(f, v)
t('c', b'ab'); t('c', 'a'); t('c', bytearray(b'a')); t('s', 'a'); t('p', 1)
t('3i', 1); t('n', 1.0); t('<n', 1); t('>P', 1); t('i!', 1); t('3', 1); t('?', [])
t('2s', bytearray(b'abc')); t('5p', b'abcdefg'); t('0s'); t('s'); t('0p'); t('z')
t('s', memoryview(b'ab'))

class I:
    def __index__(self):
        return 7

class F:
    def __float__(self):
        return 2.5

t('i', I()); t('>Q', I()); t('d', I()); t('d', F()); t('i', F()); t('d', 3)

def e(fn, *a):
    try:
        print(fn.__name__, fn(*a))
    except Exception as x:
        print(fn.__name__, type(x).__name__, x)

e(struct.unpack, 'i', b'abc')
e(struct.unpack, 'i', 'abcd')
e(struct.unpack_from, 'i', b'abc', 2)
e(struct.unpack_from, 'i', b'abcdef', -7)
e(struct.unpack_from, 'i', b'abcdef', -2)
e(struct.unpack_from, 'i', b'abcdef', -4)
ba = bytearray(6)
for off in (4, -2, -7, 3, -4, 0):
    e(struct.pack_into, 'i', ba, off, 1)
print(ba)
e(struct.pack_into, 'i', b'abcd', 0, 1)
e(struct.pack_into, 'i', 'abcd', 0, 1)
e(struct.pack_into, 'i', ba)
e(struct.pack_into, 'i')
e(struct.pack_into, 'i', ba, 0)
e(struct.pack_into, 'i', ba, 0, 'x')
e(struct.pack, 'i')
e(struct.iter_unpack, '', b'')
e(struct.iter_unpack, 'i', b'abcde')
e(struct.iter_unpack, 'i', 'abcd')
e(struct.Struct, 1)
e(struct.calcsize, '99999999999999999999999i')
e(struct.calcsize, '9999999999999999999i')
e(struct.calcsize, ' 2 s')
e(struct.calcsize, 'ii@')
try:
    struct.pack('b', 300)
except struct.error as x:
    print('caught', type(x), x.args)
print(struct.error.__mro__, struct.Struct.__module__, struct.Struct.__name__)
