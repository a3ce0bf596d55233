# Pattern.match/search/fullmatch over a table of patterns and subjects:
# spans, groups, lastindex and lastgroup as CPython 3.11 reports them.
import re

CASES = [
    (r'a+b', 'aaab'), (r'a*?b', 'aaab'), (r'(a|ab)(c|bcd)(d*)', 'abcd'),
    (r'^abc$', 'abc'), (r'^abc$', 'abc\n'), (r'abc\Z', 'abc\n'), (r'(?m)^b$', 'a\nb\nc'),
    (r'\bfoo\b', 'a foo b'), (r'\Bfoo', 'afoo'), (r'x\B', 'x'), (r'.', '\n'), (r'(?s).', '\n'),
    (r'[a-c]+', 'xxabcabd'), (r'[^a-c]+', 'abcxyz'), (r'[\d\s]+', 'ab 12 3x'),
    (r'\w+', 'héllo wörld'), (r'(?a)\w+', 'héllo'), (r'\d+', '٣٤5'), (r'(?a)\d+', '٣٤5'),
    (r'\s+', 'a \t\u2003b'), (r'[\u0400-\u04ff]+', 'abc Привет'),
    (r'(?i)hello', 'HeLLo'), (r'(?i)[a-z]+', 'ABCdef'), (r'(?i)straße', 'STRASSE'),
    (r'(?i)ǅ', 'ǆ'), (r'(?i)[k]', '\u212a'), (r'(?i)\u03c3', '\u03a3'), (r'(?i)[^k]', 'K'),
    (r'(?i)(a)\1', 'aA'), (r'(\w+) \1', 'hey hey'), (r'(?P<w>\w+)-(?P=w)', 'ab-ab'),
    (r'(a)?(?(1)b|c)', 'c'), (r'(a)?(?(1)b|c)', 'ab'), (r'(a)?(?(1)b)', 'x'),
    (r'(?=(\w+))\1:', 'abc:'), (r'foo(?!bar)', 'foobar foobaz'), (r'(?<=a)b', 'ab'),
    (r'(?<!a)b', 'ab cb'), (r'(?<=(a))b', 'ab'), (r'(?>a+)b', 'aaab'), (r'(?>a+)a', 'aaa'),
    (r'a++a', 'aaa'), (r'a*+b', 'aab'), (r'(?:ab)++', 'ababx'), (r'(?:ab)*+ab', 'abab'),
    (r'(ab)*', 'ababab'), (r'(ab)*?c', 'ababc'), (r'(a|b)*c', 'abbac'), (r'(a*)*b', 'aab'),
    (r'(a*)+b', 'b'), (r'(a|)+b', 'aab'), (r'(?:a{2,3}){2}', 'aaaaaa'), (r'a{2,}?', 'aaaa'),
    (r'a{,2}', 'aaa'), (r'a{3}', 'aa'), (r'(a)(b)?(c)', 'ac'), (r'((a)|b)+', 'ab'),
    (r'(?:(a)|(b))+', 'ab'), (r'(x)*y', 'xxxy'), (r'(x)*?y', 'xxy'), (r'[]a]+', 'a]a'),
    (r'[-a]+', '-a-'), (r'[\]\\]+', ']\\'), (r'\x41\u0042\U00000043', 'ABC'),
    (r'[\U0001F600-\U0001F64F]+', 'x😀😃y'), (r'(?x) a  b # comment', 'ab'),
    (r'(?i:A)b', 'aB'), (r'(?i:A)b', 'ab'), (r'a|b|c', 'c'), (r'', 'abc'),
    (r'(?:x|y|)z', 'z'), (r'\Aab', 'ab'), (r'(a)(?:b)(c)', 'abc'), (r'((((((((((a))))))))))\10', 'aa'),
]

for pat, s in CASES:
    p = re.compile(pat)
    for name in ('match', 'search', 'fullmatch'):
        m = getattr(p, name)(s)
        if m is None:
            print(name, repr(pat), repr(s), None)
        else:
            print(name, repr(pat), repr(s), m.span(), m.groups(), m.lastindex, m.lastgroup)

# pos and endpos
p = re.compile(r'\w+')
for pos, endpos in [(0, 3), (2, 10), (-5, 100), (4, 2), (3, 3)]:
    print(pos, endpos, p.search('hello world', pos, endpos), p.match('hello world', pos, endpos))
print(re.compile('^b').search('ab', 1), re.compile('a$').search('ab', 0, 1))
print(re.compile(r'(?<=a)b').match('ab', 1))
