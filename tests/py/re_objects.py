# Pattern and Match objects: attributes, repr, comparison, errors.
import re

p = re.compile(r'(?P<first>\w+) (?P<last>\w+)(?P<x>!)?', re.I)
print(p, p.pattern, p.flags, p.groups, p.groupindex, type(p.groupindex).__name__)
m = p.search('>> Jane Doe <<')
print(m)
print(m.group(), m.group(0), m.group(1, 'last'), m.group('x'), m[2], m['first'], m[0])
print(m.groups(), m.groups('-'), m.groupdict(), m.groupdict(0))
print(m.start(), m.end(), m.span(), m.start(2), m.end('last'), m.span('x'), m.start('x'))
print(m.regs, m.lastindex, m.lastgroup, m.string, m.re is p, m.pos, m.endpos)
print(m.expand(r'\2, \1 (\g<first>)'))
for bad in (3, -1, 'nope', 1.5):
    try:
        m.group(bad)
    except IndexError as e:
        print('IndexError', e)
print(re.compile('a') == re.compile('a'), re.compile('a') == re.compile('a', re.I),
      re.compile('a') != re.compile('b'), hash(re.compile('xy')) == hash(re.compile('xy')))
for pat, flags in [('a', 0), ('a', re.M | re.S), (b'a', 0), (b'a', re.L), ('a', re.A),
                   ('a' * 300, 0), ('a\n"\'', re.X | re.U)]:
    print(re.compile(pat, flags))
print(re.match(b'(a)(b)?', b'ab'), re.match('x', 'x' * 100) , re.match(r'.*', 'y' * 60))
print(re.match(b'.', bytearray(b'ab')).group(), re.match(b'.', memoryview(b'ab')).group(0))
for pat, s in [('a', b'a'), (b'a', 'a')]:
    try:
        re.match(pat, s)
    except TypeError as e:
        print('TypeError', e)
try:
    re.match('a', 5)
except TypeError as e:
    print('TypeError', e)
import copy
print(copy.copy(p) is p, copy.deepcopy(m) is m)
m = re.match(r'(a)(?:(b)|c)(d)?', 'ac')
print(m.groups(), m.lastindex, m.lastgroup, m.regs)
m = re.match(r'(?:(?P<a>a)|(?P<b>b))+', 'ab')
print(m.lastindex, m.lastgroup, m.groupdict())
print(re.escape('a.b*c'), re.purge())
print(re.sre_compile if hasattr(re, 'sre_compile') else '', re.error)
try:
    re.compile('(')
except re.error as e:
    print('error', e, e.pos)
print(re.compile(r'(?i)\w+').findall('Éa ǅ'), re.match('(?u)x', 'x'))
