# sub, subn, split, findall and finditer, with templates and functions.
import re

SUBS = [
    (r'(\w)(\d)', r'\2\1', 'a1 b2 c3', 0), ('x*', '-', 'abxd', 0), ('a', 'o', 'banana', 2),
    (r'(?P<n>\d+)', r'<\g<n>>', 'a12b3', 0), (r'(\d)', r'\g<1>0', 'a1b2', 0),
    (r'\s+', ' ', '  many   spaces here ', 0), ('', '-', 'abc', 0), (r'\b', '|', 'hi you', 0),
    ('(a)|b', r'[\1]', 'ab', 0), ('a', r'\n', 'bab', 0), ('^', '> ', 'l1\nl2', 0),
    ('(?m)^', '> ', 'l1\nl2', 0), ('$', '!', 'x\n', 0),
]
for pat, repl, s, count in SUBS:
    print(repr(pat), repr(repl), repr(s), repr(re.sub(pat, repl, s, count)), re.subn(pat, repl, s, count))

print(re.sub(r'\d+', lambda m: str(int(m.group()) * 2), 'a1b22c333'))
print(re.sub(r'\d', lambda m: None if m.group() == '2' else 'X', '123'))
print(re.sub(rb'[aeiou]', rb'<\g<0>>', b'education'))
print(re.subn(rb'\d', b'#', bytearray(b'a1b2')))

SPLITS = [
    (r'[,;]\s*', 'a, b;c', 0), (r'(,)', 'a,b,c', 0), (r'(,)|(;)', 'a,b;c', 0), (r'x*', 'axbc', 0),
    (r'\W+', 'Words, words, words.', 1), (r'', 'abc', 0), (r'\b', 'a b', 0), (r'(?m)^$', 'a\n\nb', 0),
    (r'[a-f]+', '0a3B9', 0), (r'(?i)[a-f]+', '0a3B9', 0),
]
for pat, s, maxsplit in SPLITS:
    print(repr(pat), repr(s), re.split(pat, s, maxsplit))
print(re.split(rb'\s', b'a b  c'))

FINDALL = [
    (r'\d+', 'a1b22c333'), (r'(\w)=(\d)', 'a=1, b=2, c'), (r'(a)|(b)', 'abc'), (r'x*', 'axxb'),
    (r'(\w+)@', 'x@ y@'), (r'', 'ab'), (r'(?i)é', 'ÉéE'), (r'[^\W\d_]+', 'ab1_cd'),
]
for pat, s in FINDALL:
    print(repr(pat), repr(s), re.findall(pat, s), [m.span() for m in re.finditer(pat, s)])
print(re.findall(rb'[a-z]+', b'abc DEF ghi'))
print(list(re.compile(r'\w').finditer('abcd', 1, 3)))

sc = re.compile(r'\d').scanner('1a23')
print(sc.match(), sc.match(), sc.search(), sc.search(), sc.search(), sc.pattern)
