# The _string module behind string.Formatter: formatter_parser and formatter_field_name_split.
import _string

def show(label, f):
    try:
        r = f()
    except Exception as e:
        r = type(e).__name__ + ': ' + str(e)
    print(label, repr(r))

for s in ['a{{b}}c{0!r:>5}d', '{}', '{a.b[c]:{w}}x', 'plain', '', '}}', '{{', '{0:}', '{!s}', 'x{0[1]}y{z.q!a:^{n}}',
          '\u20ac{0}\U0001f600']:
    print(repr(s), list(_string.formatter_parser(s)))
for s in ['{', '}', '{0', '{0!}', '{0!rr}', '{a{b}', 'a}b']:
    show(repr(s), lambda: list(_string.formatter_parser(s)))
for n in ['0', 'a.b[c][1]', '', '.x', '12[0]', 'x[', 'a..b', 'a[]', 'a[0]b', 'name', '007']:
    def split():
        first, rest = _string.formatter_field_name_split(n)
        return first, list(rest)
    show(repr(n), split)
show('type', lambda: _string.formatter_parser(5))

# a small Formatter on top, as string.Formatter does it
def vformat(fmt, args, kwargs):
    out = []
    auto = 0
    for lit, name, spec, conv in _string.formatter_parser(fmt):
        out.append(lit)
        if name is None:
            continue
        first, rest = _string.formatter_field_name_split(name)
        if first == '':
            first = auto
            auto += 1
        obj = args[first] if isinstance(first, int) else kwargs[first]
        for is_attr, key in rest:
            obj = getattr(obj, key) if is_attr else obj[key]
        if conv == 'r':
            obj = repr(obj)
        elif conv == 's':
            obj = str(obj)
        out.append(format(obj, vformat(spec, args, kwargs)))
    return ''.join(out)

print(vformat('{}-{}|{x!r:>6}|{0[1]}', (['a', 'b'], 'c'), {'x': 'q'}))
print(vformat('{0:{1}}|', ('ab', '>5'), {}))
