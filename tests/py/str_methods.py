# str methods over tables of inputs, errors included.

def show(label, f):
    try:
        r = f()
    except Exception as e:
        r = type(e).__name__ + ': ' + str(e)
    print(label, repr(r))

samples = ['', 'a', 'abc', 'Hello World', 'hello world', '  spaced  out  ', 'ΑΣ', 'ὈΔΥΣΣΕΎΣ',
           'straße', 'ǅungla', 'ﬁre', 'İstanbul', 'aBc DeF', "they're bill's", '123', '١٢٣',
           '½', 'x\ty', 'a\u2028b', 'ß', 'ŉ', 'ᾳ', 'Σa', 'aΣ', 'aΣ.', 'a.Σ', 'ΣΣ', '\U0001d400bc',
           'snake_case', '_x1', '1x', 'é', 'ǈ', 'A\u0345', 'mañana', '\x00\x7f', 'Ⅻ', '²']

for s in samples:
    print(repr(s), [s.upper(), s.lower(), s.casefold(), s.swapcase(), s.capitalize(), s.title()])
    print(' ', [s.isalnum(), s.isalpha(), s.isascii(), s.isdecimal(), s.isdigit(),
                s.isidentifier(), s.islower(), s.isnumeric(), s.isprintable(), s.isspace(),
                s.istitle(), s.isupper()])

hay = ['', 'abc', 'abcabcabc', 'aaaa', 'mississippi', 'ab' * 50 + 'c', 'xéyéz', 'x\u20acy\u20ac',
       'a\U0001f600b\U0001f600']
needles = ['', 'a', 'b', 'c', 'ab', 'abc', 'ss', 'ssi', 'aa', 'é', '\u20ac', '\U0001f600',
           'ab' * 10 + 'c', 'zz', 'issip']
for h in hay:
    for n in needles:
        print(repr(h[:12]), repr(n[:6]), h.find(n), h.rfind(n), h.count(n), n in h,
              h.startswith(n), h.endswith(n), h.find(n, 1), h.rfind(n, 0, -1),
              h.count(n, 2, 9), h.find(n, -3), h.startswith(n, 1), h.endswith(n, 0, 3))
show('index', lambda: 'abc'.index('d'))
show('rindex', lambda: 'abc'.rindex('d'))
show('index ok', lambda: 'abcb'.rindex('b', 0, 3))
show('find big start', lambda: 'abc'.find('', 5))
show('find len start', lambda: 'abc'.find('', 3))
show('count empty', lambda: 'abc'.count(''))
show('count empty range', lambda: 'abc'.count('', 1, 2))
show('count start past', lambda: 'abc'.count('', 4))
show('startswith tuple', lambda: 'hello'.startswith(('x', 'he')))
show('endswith tuple', lambda: 'hello'.endswith(('x', 'y')))
show('startswith bad', lambda: 'hello'.startswith(1))
show('startswith bad tuple', lambda: 'hello'.startswith(('a', 1)))
show('startswith past', lambda: 'abc'.startswith('', 5))
show('find none', lambda: 'abcabc'.find('b', None, None))
show('find badidx', lambda: 'abc'.find('a', 1.5))
show('find type', lambda: 'abc'.find(1))
show('find noargs', lambda: 'abc'.find())

for s in ['', '  a b  c  ', 'a,b,,c,', ',', 'one two\tthree\nfour', 'a\u3000b\x1cc', 'abcabc']:
    for sep in [None, ',', 'b', 'bc', ' ']:
        for m in [-1, 0, 1, 2]:
            print(repr(s), repr(sep), m, s.split(sep, m), s.rsplit(sep, m))
show('split empty', lambda: 'a'.split(''))
show('split type', lambda: 'a'.split(1))
show('split kw', lambda: 'a b c'.split(maxsplit=1))
show('rsplit kw', lambda: 'a,b,c'.rsplit(sep=',', maxsplit=1))
for s in ['', 'a', 'a\n', 'a\nb', 'a\r\nb\rc\n\nd', 'x\x0by\x0cz\x1c\x1d\x1e\x85\u2028\u2029w']:
    print(repr(s), s.splitlines(), s.splitlines(True), s.splitlines(keepends=True))

for s in ['', 'abc', 'a-b-c', '-', 'xyz']:
    for sep in ['-', 'b', 'abc', 'zz']:
        print(repr(s), sep, s.partition(sep), s.rpartition(sep))
show('partition empty', lambda: 'a'.partition(''))
show('partition type', lambda: 'a'.partition(1))

for s in ['', 'abc', '  abc  ', '\t\n abc\x0b\x0c', 'xxabcxx', '\u3000a\u3000']:
    print(repr(s), repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip('x')),
          repr(s.strip('xa')), repr(s.rstrip('cx ')), repr(s.strip(None)))
show('strip type', lambda: 'a'.strip(1))

for s in ['', 'a', 'abc', 'abcd', 'é']:
    for w in [-1, 0, 3, 4, 5, 6, 9]:
        print(repr(s), w, repr(s.center(w)), repr(s.ljust(w, '*')), repr(s.rjust(w, 'é')),
              repr(s.center(w, '-')), repr(s.zfill(w)))
for s in ['-1', '+1', '1', '', '-', 'abc', '--']:
    print(repr(s), s.zfill(4))
show('center fill', lambda: 'a'.center(5, 'ab'))
show('center fill type', lambda: 'a'.center(5, 1))
show('center width', lambda: 'a'.center('a'))
show('center no args', lambda: 'a'.center())
show('zfill type', lambda: 'a'.zfill('x'))

for s in ['a\tb', '\t', 'abc\tdef\tg', 'a\nb\tc', 'ab\r\tc', '\t\t']:
    print(repr(s), repr(s.expandtabs()), repr(s.expandtabs(4)), repr(s.expandtabs(0)),
          repr(s.expandtabs(tabsize=1)), repr(s.expandtabs(-1)))

print(','.join(['a', 'b', 'c']), ''.join([]), '-'.join('xyz'), 'é'.join(['a', '\u20ac']))
show('join type', lambda: ','.join(['a', 1]))
show('join noniter', lambda: ','.join(5))

for s in ['', 'aaa', 'abcabc', 'xéx', 'a\u20aca']:
    for old, new in [('a', 'b'), ('', '-'), ('abc', ''), ('x', '\u20ac'), ('\u20ac', 'e'), ('zz', 'y')]:
        print(repr(s), old, new, [s.replace(old, new), s.replace(old, new, 0),
                                   s.replace(old, new, 1), s.replace(old, new, 2), s.replace(old, new, -1)])
show('replace type', lambda: 'a'.replace(1, 'b'))
show('replace type2', lambda: 'a'.replace('a', 2))

print('prefix'.removeprefix('pre'), 'prefix'.removeprefix('x'), 'suffix'.removesuffix('fix'),
      'suffix'.removesuffix(''), ''.removeprefix(''))
show('removeprefix type', lambda: 'a'.removeprefix(1))

t = str.maketrans('abc', 'xyz', 'd')
print(sorted(t.items()))
print('abcdd'.translate(t), 'hello'.translate({ord('l'): 'LL', ord('o'): None}),
      'abc'.translate({97: 0x20ac}), 'abc'.translate([]), 'abc'.translate({}))
print(sorted(str.maketrans({'a': 'b', 98: None}).items()))
show('maketrans 1', lambda: str.maketrans(1))
show('maketrans keylen', lambda: str.maketrans({'ab': 1}))
show('maketrans len', lambda: str.maketrans('a', 'bc'))
show('maketrans type', lambda: str.maketrans('a', 1))
show('translate bad', lambda: 'a'.translate({97: 1.5}))
show('translate range', lambda: 'a'.translate({97: 0x110000}))

show('upper args', lambda: 'a'.upper(1))
show('descriptor', lambda: str.upper(5))
print(str.upper('abc'), str.join('-', 'ab'))

# slicing, indexing, comparison, operators
s = 'abcdefghij'
u = 'é\u20ac\U0001f600xyz'
for a, b in [(s[:], u[:]), (s[2:5], u[2:5]), (s[::2], u[::2]), (s[::-1], u[::-1]), (s[-3:], u[-3:]),
             (s[8:2:-2], u[8:2:-2]), (s[100:200], u[100:200]), (s[-100:3], u[-100:3]),
             (s[1:9:3], u[1:9:3]), (s[5:5], u[5:5]), (s[::-3], u[::-3]), (s[-2::-2], u[-2::-2])]:
    print(repr(a), repr(b))
show('index err', lambda: s[10])
show('index neg', lambda: s[-1])
show('index type', lambda: s['a'])
show('index float', lambda: s[1.0])
print('a' < 'b', 'a' < 'ab', 'b' > 'ab', 'é' > 'z', '\u20ac' < '\U0001f600', 'abc' <= 'abc', 'x' >= 'y')
print('ab' * 3, 3 * 'ab', 'ab' * 0, 'ab' * -1, '' * 5, 'a' + 'é' + '\u20ac')
show('concat err', lambda: 'a' + 1)
show('mul err', lambda: 'a' * 'b')
show('mul float', lambda: 'a' * 1.5)
show('contains err', lambda: 1 in 'a')
print(list('aé\u20ac'), len('\U0001f600'), hash('abc') == hash('ab' + 'c'))
print(str(), str(5), str('x'), str(b'ab', 'ascii'), str(b'\xff', 'latin-1'), str(encoding='utf-8'))
show('str decode str', lambda: str('a', 'utf-8'))
show('str decode int', lambda: str(1, 'utf-8'))

class S(str):
    def extra(self):
        return self.upper() + '!'

x = S('Hello')
print(type(x).__name__, x, repr(x), x.extra(), x.lower(), type(x.lower()).__name__, x == 'Hello',
      x + 'a', 'a' + x, x * 2, x[1:], x.split('l'), 'el' in x, len(x), hash(x) == hash('Hello'),
      x.startswith(S('He')), 'yHello'.endswith(x), ','.join([x, x]), str(x), type(str(x)).__name__,
      x.replace('l', 'L'), x.strip('Ho'), f'{x}', '%s' % x, x.find(S('l')))
print(sorted({x: 1, 'a': 2}.items()))
