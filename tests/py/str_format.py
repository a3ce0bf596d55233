# str.format, format_map, format() and f-strings: fields, conversions, str specs, errors.

def show(label, f):
    try:
        r = f()
    except Exception as e:
        r = type(e).__name__ + ': ' + str(e)
    print(label, repr(r))

class P:
    x = 5
    items = [10, 20]
    def __repr__(self):
        return 'P()'
    def __str__(self):
        return 'P-str'

class F:
    def __format__(self, spec):
        return 'F<' + spec + '>'

class BadF:
    def __format__(self, spec):
        return 42

p = P()
cases = [
    ('{}', (1,), {}), ('{} {}', ('a', 'b'), {}), ('{1}{0}', ('a', 'b'), {}),
    ('{x}-{y}', (), {'x': 1, 'y': 2}), ('{0.x}', (p,), {}), ('{0.items[1]}', (p,), {}),
    ('{0[0]}', ([7, 8],), {}), ('{d[key]}', (), {'d': {'key': 'v'}}), ('{0[1][0]}', ([0, 'xy'],), {}),
    ('{!r}', ('a',), {}), ('{!s}', (p,), {}), ('{!a}', ('é',), {}), ('{0!r:>8}', ('a',), {}),
    ('{{}}', (), {}), ('{{{}}}', (3,), {}), ('a{{b', (), {}), ('}}', (), {}),
    ('{:>6}', ('ab',), {}), ('{:<6}|', ('ab',), {}), ('{:^6}', ('ab',), {}), ('{:*^7}', ('ab',), {}),
    ('{:.2}', ('abcdef',), {}), ('{:8.3}|', ('abcdef',), {}), ('{:é>5}', ('a',), {}),
    ('{:{}}', ('a', 5), {}), ('{:{w}.{p}}', ('abcdef',), {'w': 6, 'p': 2}), ('{0:{1}}', ('x', '>3'), {}),
    ('{:s}', ('s',), {}), ('{}', (p,), {}), ('{0}', (F(),), {}), ('{0:abc}', (F(),), {}),
    ('{:}', ('x',), {}), ('{0!r:}', ('x',), {}), ('{0:}', ('x',), {}),
    # errors
    ('{', (), {}), ('}', (), {}), ('{0', (1,), {}), ('{0!}', (1,), {}), ('{0!x}', (1,), {}),
    ('{0!rr}', (1,), {}), ('{a.}', (), {'a': 1}), ('{0[}', (1,), {}), ('{0[]}', (1,), {}),
    ('{0]}', (1,), {}), ('{}{0}', (1,), {}), ('{0}{}', (1,), {}), ('{:{:{}}}', (1, 2, 3), {}),
    ('{0[0]x}', ([1],), {}), ('{0:}}', (1,), {}), ('{5}', (1,), {}), ('{}', (), {}),
    ('{x}', (), {}), ('{0.nope}', ('s',), {}), ('{0[5]}', ([1],), {}), ('{0:x}', ('s',), {}),
    ('{0:=5}', ('s',), {}), ('{0:+}', ('s',), {}), ('{0:#}', ('s',), {}), ('{0: }', ('s',), {}),
    ('{0:,}', ('s',), {}), ('{0:d}', (p,), {}), ('{0:>5}', (p,), {}), ('{0:abc}', (BadF(),), {}),
    ('{0:abc}', (object(),), {}), ('{0:}', (P(),), {}), ('{0:>3}', ([1],), {}),
    ('{0:>3}', (None,), {}), ('{0:5}', (b'x',), {}), ('{a{b}', (), {}),
    ('{0:{1}}', ('x', '{'), {}), ('{99999999999999999999}', (), {}), ('{0.__class__.nope}', (p,), {}),
    ('{!}', (1,), {}), ('{:\u20ac<4}', ('x',), {}), ('{0:.0}', ('abc',), {}), ('{0:0}', ('ab',), {}),
    ('{0:05}', ('ab',), {}), ('{0:<05}', ('ab',), {}),
]
for fmt, args, kw in cases:
    show(repr(fmt), lambda: fmt.format(*args, **kw))

print('{a}{b}'.format_map({'a': 1, 'b': 2}))
class M(dict):
    def __missing__(self, k):
        return '<' + k + '>'
print('{a}{zz}'.format_map(M(a=1)))
show('format_map pos', lambda: '{0}'.format_map({}))
show('format_map missing', lambda: '{q}'.format_map({}))
show('format_map type', lambda: '{q}'.format_map(1))

for v, spec in [('abc', ''), ('abc', '10'), ('abc', '<10'), ('abc', '.1'), ('', '3'), ('é\u20ac', '^6'),
                (p, ''), (F(), 'zz'), (None, ''), ([1, 2], ''), ((1,), ''), (b'xy', '')]:
    show('format ' + repr(spec), lambda: format(v, spec))
show('format obj spec', lambda: format(object(), 'x'))
show('format bytes spec', lambda: format(b'a', 'x'))
show('format list spec', lambda: format([], '>5'))
show('format bad return', lambda: format(BadF(), ''))
show('format spec type', lambda: format('a', 1))
print(object.__format__(p, ''), str.__format__('ab', '>4'), 'ab'.__format__('^4'))
show('object.__format__', lambda: object.__format__(p, 'x'))

w = 7
name = 'Ada'
print(f'{name}', f'{name!r}', f'{name:>{w}}', f'{name!a:^9}', f'{"é"!a}', f'{{lit}}', f'{p.x}',
      f'{p.items[0]}', f'{F():spec}', f'{name=}', f'{name = !s:>5}', f'{[1, 2]}', f'{None}')

class S(str):
    pass
s = S('sub')
print('{}'.format(s), '{:>5}'.format(s), format(s, '^7'), S('{}-{}').format(1, 2), f'{s:*<5}')
