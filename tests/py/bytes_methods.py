# bytes and bytearray: construction, repr, operators and every method, errors included.

def show(label, f):
    try:
        r = f()
    except Exception as e:
        r = type(e).__name__ + ': ' + str(e)
    print(label, repr(r))

class I:
    def __index__(self):
        return 3

class B:
    def __bytes__(self):
        return b'from-bytes'

for args in [(), (0,), (3,), (b'abc',), (bytearray(b'xy'),), ([65, 66, 67],), ((1, 2),), (range(5),),
             ('abc', 'ascii'), ('é', 'utf-8'), ('é', 'latin-1'), (I(),), (B(),), (iter([1, 2]),),
             ('abc',), (-1,), ([256],), (['a'],), (1.5,), (None,), (1, 'utf-8'), ('a', 'nope'),
             ('é', 'ascii'), ('é', 'ascii', 'replace'), ('é', 'ascii', 'xmlcharrefreplace')]:
    label = repr(args) if '0x' not in repr(args) else type(args[0]).__name__
    show('bytes ' + label, lambda: bytes(*args))
    show('bytearray ' + label, lambda: bytearray(*args))

reprs = [b'', b"'", b'"', b'\'"', b'\\', b'\t\n\r\x00\x7f\x80\xff', bytes(range(0, 256, 7))]
for b in reprs:
    print(repr(b), repr(bytearray(b)), str(b))

samples = [b'', b'abc', b'Hello World', b'  spaced  out ', b'hello world', b'ABC', b'a1', b'123',
           b'\t\n', b"they're", b'\xe9t\xe9', b'x\xffy', b'Title Case', b'aBc']
for s in samples:
    print(repr(s), [s.upper(), s.lower(), s.swapcase(), s.capitalize(), s.title()],
          [s.isalnum(), s.isalpha(), s.isascii(), s.isdigit(), s.islower(), s.isspace(),
           s.istitle(), s.isupper()])

hay = [b'', b'abc', b'abcabcabc', b'aaaa', b'mississippi', b'ab' * 50 + b'c']
needles = [b'', b'a', b'ab', b'abc', b'ss', b'issip', b'zz', 97, 115, b'ab' * 10 + b'c']
for h in hay:
    for n in needles:
        print(repr(h[:10]), repr(n)[:12], h.find(n), h.rfind(n), h.count(n), n in h,
              h.find(n, 2), h.rfind(n, 0, -2), h.count(n, 1, 7), bytearray(h).find(n))
    for n in [b'', b'a', b'ab', b'c', b'bc']:
        print(' ', h.startswith(n), h.endswith(n), h.startswith(n, 1), h.endswith(n, 0, 2),
              h.startswith((b'x', n)), bytearray(h).endswith(n))
show('index', lambda: b'abc'.index(b'd'))
show('rindex', lambda: b'abc'.rindex(100))
show('find type', lambda: b'abc'.find('a'))
show('find range', lambda: b'abc'.find(256))
show('in type', lambda: 'a' in b'abc')
show('in int', lambda: 98 in b'abc')
show('startswith type', lambda: b'abc'.startswith('a'))
show('startswith tuple type', lambda: b'abc'.startswith(('a',)))

for s in [b'', b'  a b  c  ', b'a,b,,c,', b',', b'one two\tthree\nfour', b'abcabc']:
    for sep in [None, b',', b'b', b'bc']:
        for m in [-1, 0, 1, 2]:
            print(repr(s), repr(sep), m, s.split(sep, m), s.rsplit(sep, m))
print(bytearray(b'a b').split(), bytearray(b'a,b').rsplit(b','))
show('split empty', lambda: b'a'.split(b''))
show('split type', lambda: b'a'.split('a'))
show('split kw', lambda: b'a b c'.split(maxsplit=1))
for s in [b'', b'a\nb\r\nc\rd\n', b'x\x0by\x0cz', b'\n\n']:
    print(repr(s), s.splitlines(), s.splitlines(True), s.splitlines(keepends=True))
for s in [b'', b'abc', b'a-b-c']:
    for sep in [b'-', b'b', b'zz']:
        print(repr(s), s.partition(sep), s.rpartition(sep), bytearray(s).partition(sep))
show('partition empty', lambda: b'a'.partition(b''))
show('partition type', lambda: b'a'.partition('a'))
for s in [b'', b'abc', b'  abc \t\n', b'xxabcxx']:
    print(repr(s), s.strip(), s.lstrip(), s.rstrip(), s.strip(b'x'), s.strip(b'xa '), s.rstrip(None),
          bytearray(s).strip())
show('strip type', lambda: b'a'.strip('a'))
for s in [b'', b'a', b'abc', b'-1', b'+12']:
    for w in [-1, 0, 3, 4, 6]:
        print(repr(s), w, s.center(w), s.ljust(w, b'*'), s.rjust(w), s.zfill(w), bytearray(s).center(w, b'-'))
show('center fill', lambda: b'a'.center(5, b'ab'))
show('center fill str', lambda: b'a'.center(5, 'x'))
show('ljust fill ba', lambda: b'a'.ljust(5, bytearray(b'x')))
print(b'a\tb\ncd\te'.expandtabs(), b'a\tb'.expandtabs(4), b'\t'.expandtabs(0))
print(b','.join([b'a', bytearray(b'b'), b'c']), bytearray(b'-').join([b'x', b'y']), b''.join([]))
show('join type', lambda: b','.join([b'a', 'b']))
show('join noniter', lambda: b','.join(5))
for s in [b'', b'aaa', b'abcabc']:
    for old, new in [(b'a', b'b'), (b'', b'-'), (b'abc', b''), (b'zz', b'y')]:
        print(repr(s), old, new, [s.replace(old, new), s.replace(old, new, 1), s.replace(old, new, 0)])
print(b'prefix'.removeprefix(b'pre'), b'suffix'.removesuffix(b'fix'), b'x'.removeprefix(b'y'),
      bytearray(b'abc').removesuffix(b'c'))
t = bytes.maketrans(b'abc', b'xyz')
print(len(t), t[97:100], b'aabbcc'.translate(t), b'abcdef'.translate(None, b'bd'),
      b'abc'.translate(t, b'a'), bytearray(b'abc').translate(t))
show('translate len', lambda: b'a'.translate(b'xy'))
show('maketrans len', lambda: bytes.maketrans(b'a', b'bc'))
print(b'\x00\xffab'.hex(), b'abcdef'.hex(':'), b'abcdef'.hex('-', 2), b'abcdef'.hex(b'_', -4),
      bytearray(b'xy').hex(), b''.hex())
print(bytes.fromhex('61 62  63'), bytes.fromhex(''), bytearray.fromhex('ff00'), bytes.fromhex('\t0a'))
show('fromhex bad', lambda: bytes.fromhex('6g'))
show('fromhex odd', lambda: bytes.fromhex('616'))
show('fromhex type', lambda: bytes.fromhex(b'61'))
show('hex sep', lambda: b'ab'.hex('::'))

# decode / encode
for data in [b'abc', b'\xc3\xa9t\xc3\xa9', b'\xff', b'a\xffb', b'\xe2\x82', b'\xe2\x82\xac', b'\xed\xa0\x80',
             b'\xf0\x9f\x98\x80', b'\xf0\x9f\x98', b'\xc0\xaf', b'\xf5\x80', b'\x80abc', b'ab\xe2']:
    for enc in ['utf-8', 'ascii', 'latin-1']:
        for err in ['strict', 'replace', 'ignore', 'surrogateescape', 'backslashreplace']:
            show(repr(data) + ' ' + enc + ' ' + err, lambda: data.decode(enc, err))
for s in ['abc', 'été', '\u20ac', 'a\udc80b', '\U0001f600', 'x\udcffy\ud800z', 'é\u20ac\udc80\udc81']:
    for enc in ['utf-8', 'ascii', 'latin-1']:
        for err in ['strict', 'replace', 'ignore', 'surrogateescape', 'backslashreplace',
                    'xmlcharrefreplace', 'surrogatepass']:
            show(repr(s) + ' ' + enc + ' ' + err, lambda: s.encode(enc, err))
print('abc'.encode(), 'é'.encode('UTF8'), 'é'.encode(encoding='Latin1'), b'\xe9'.decode('iso-8859-1'),
      b'abc'.decode(), b'x'.decode(errors='strict'), str(b'\xc3\xa9', 'utf-8'))
show('unknown encoding', lambda: 'a'.encode('nope'))
show('unknown handler', lambda: 'é'.encode('ascii', 'nope'))
show('handler unused', lambda: 'a'.encode('ascii', 'nope'))
show('decode unknown', lambda: b'a'.decode('nope'))
try:
    b'a\xffb'.decode()
except UnicodeDecodeError as e:
    print(e.encoding, e.start, e.end, e.reason, e.object)
try:
    'a\xe9\xe9b'.encode('ascii')
except UnicodeEncodeError as e:
    print(e.encoding, e.start, e.end, e.reason, e.object)

# operators
b = b'abcdefghij'
print(b[0], b[-1], b[2:5], b[::2], b[::-1], b[8:2:-2], b[100:], bytearray(b)[1:3], bytearray(b)[0])
show('index err', lambda: b[10])
show('index type', lambda: b['a'])
show('ba index err', lambda: bytearray(b)[10])
print(b'ab' + b'cd', b'ab' + bytearray(b'cd'), bytearray(b'ab') + b'cd', b'ab' * 3, 2 * b'ab', b'x' * 0,
      bytearray(b'ab') * 2)
show('concat str', lambda: b'a' + 'b')
show('concat int', lambda: bytearray(b'a') + 1)
print(b'a' < b'b', b'a' < b'ab', b'abc' == bytearray(b'abc'), bytearray(b'x') == b'x', b'a' == 'a',
      b'b' >= b'a', bytearray(b'a') < bytearray(b'b'), b'' < b'\x00')
print(list(b'abc'), list(bytearray(b'xy')), len(b'abc'), hash(b'abc') == hash(b'ab' + b'c'), b'' or 'empty')
show('hash ba', lambda: hash(bytearray(b'a')))
d = {b'k': 1}
print(d[b'k'], b'k' in d, sorted({b'a', b'a', b'b'}))

class Sub(bytes):
    pass
x = Sub(b'data')
print(type(x.__bytes__()).__name__, b'q'.__bytes__())
print(type(x).__name__, x, repr(x), x.upper(), type(x.upper()).__name__, x == b'data', x + b'!',
      x[1:], len(x), x.decode(), x.split(b'a'), hash(x) == hash(b'data'), bytes(x), type(bytes(x)).__name__)

class BA(bytearray):
    pass
y = BA(b'xyz')
print(type(y).__name__, y, repr(y), y.upper(), type(y.upper()).__name__, y == b'xyz', len(y))
y.append(33)
print(y)
