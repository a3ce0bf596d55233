# printf-style formatting of str: flags, width, precision, *, mapping keys, every conversion.

def show(label, f):
    try:
        r = f()
    except Exception as e:
        r = type(e).__name__ + ': ' + str(e)
    print(label, repr(r))

class P:
    def __repr__(self):
        return 'P-é'
    def __str__(self):
        return 'P-str'

class I:
    def __index__(self):
        return 42

class N:
    def __int__(self):
        return 7
    def __float__(self):
        return 2.5

ints = [0, 1, -1, 42, -42, 255, 10**20, -10**20, True, I()]
for fmt in ['%d', '%i', '%u', '%5d', '%-5d|', '%05d', '%+d', '% d', '%+05d', '%.3d', '%8.3d', '%-8.3d|',
            '%x', '%X', '%#x', '%#X', '%o', '%#o', '%#08x', '%-#8o|', '%+#x', '% o', '%#.5x', '%c']:
    row = []
    for v in ints:
        try:
            row.append(fmt % v)
        except Exception as e:
            row.append(type(e).__name__ + ': ' + str(e))
    print(fmt, row)

floats = [0.0, -0.0, 1.5, -2.25, 3.14159265, 1e20, 1.5e-7, 123456.789, 1e400, -1e400,
          1e400 * 0, 2, N()]
for fmt in ['%f', '%.2f', '%10.3f', '%-10.1f|', '%010.2f', '%+f', '% f', '%#.0f', '%.0f', '%e', '%E',
            '%.3e', '%+.2E', '%g', '%G', '%.3g', '%#g', '%#.3g', '%10g', '%-10G|', '%F', '%.10g',
            '%010g', '% .2e', '%.0e', '%#.0e']:
    row = []
    for v in floats:
        try:
            row.append(fmt % v)
        except Exception as e:
            row.append(type(e).__name__ + ': ' + str(e))
    print(fmt, row)

texts = ['', 'abc', 'é\u20ac\U0001f600', P(), 42, None, [1, 'x'], b'by']
for fmt in ['%s', '%r', '%a', '%5s|', '%-5s|', '%.2s', '%5.1s|', '%-6.2r|', '%.1a', '%05s']:
    row = []
    for v in texts:
        try:
            row.append(fmt % (v,))
        except Exception as e:
            row.append(type(e).__name__ + ': ' + str(e))
    print(fmt, row)

cases = [
    ('%s %s', (1, 2)), ('%%', ()), ('100%%', ()), ('%c%c', ('a', 0x20ac)), ('%c', 'é'),
    ('%*d|', (5, 3)), ('%-*d|', (5, 3)), ('%*d|', (-5, 3)), ('%.*f', (2, 3.14159)), ('%.*f', (-2, 1.5)),
    ('%*.*s|', (6, 2, 'abcdef')), ('%(a)s-%(b)05.1f', {'a': 'x', 'b': 2.25}), ('%(a)s %(a)r', {'a': 'q'}),
    ('%(x(y))s', {'x(y)': 1}), ('%s', ((1, 2),)), ('%s', [1, 2]), ('abc', []), ('abc', {}),
    ('%s', {'a': 1}), ('%(a)s', {'a': 1, 'b': 2}), ('%ld %hd %Lf', (1, 2, 3.0)),
    # errors
    ('%', ()), ('%d', ()), ('%s %s', (1,)), ('%s', (1, 2)), ('abc', 5), ('%z', 1), ('%5%', (1,)),
    ('%(a', {}), ('%(a)s', 1), ('%(a)s', {}), ('%d', 'x'), ('%x', 1.5), ('%f', 'x'), ('%c', 'ab'),
    ('%c', 1.5), ('%c', 0x110000), ('%c', -1), ('%*d', ('a', 1)), ('%.*d', (1.5, 1)), ('%d', [1]),
    ('%e', 10**400), ('%d', 1e400 * 0), ('%d', 1e400), ('%s %(a)s', {'a': 1}),
    ('%\u20ac', 1), ('%y', ()), ('%(a)s %s', {'a': 1}), ('%.5', 1), ('%-', 1),
]
for fmt, args in cases:
    show(repr(fmt) + ' % ' + repr(args), lambda: fmt % args)
show('int % str', lambda: 5 % 'x')
show('str % mapping-ish', lambda: '%(0)s' % ['a'])

class S(str):
    pass
print(S('%s!') % 'x', '%s' % S('y'), type(S('%s') % 1).__name__)
