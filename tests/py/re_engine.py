# The matcher's harder corners: case-insensitive classes over the Unicode
# database, bytes with ASCII and LOCALE case folding, long subjects whose
# repeats backtrack far, and the _sre helpers that the re parser calls.
import re, _sre

print(_sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS, _sre.getcodesize())
for c in 'aZ1_ßσΣſKkǅİı\u212a':
    o = ord(c)
    print(repr(c), _sre.ascii_iscased(o), _sre.unicode_iscased(o), _sre.ascii_tolower(o),
          _sre.unicode_tolower(o))

ICASE = [
    (r'[a-z]+', 'ABCſK\u212a'), (r'[^a-z]+', 'ſ\u212aX1'), (r'[α-ω]+', 'ΑΒΓ'), (r'σ+', 'Σσς'),
    (r'[ǆ]', 'ǅ'), (r'[\u0130]', 'i'), (r'i', '\u0130'), (r'[k-m]+', 'KLM\u212a'),
    (r'(?a)[k]', '\u212a'), (r'\w+', 'ÉCOLE'), (r'[^\d]+', 'AB12'), (r'[\w-]+', 'A-b_C'),
    (r'(\w)\1', 'ßß'), (r'(\w)\1', 'Ss'), (r'[\U00010400-\U0001044f]+', '\U00010400\U00010428'),
]
for pat, s in ICASE:
    print(repr(pat), repr(s), re.findall('(?i)' + pat, s))

BYTES = [
    (rb'(?i)[a-z]+', b'ABCdef\xc9'), (rb'(?i)\xe9', b'\xc9'), (rb'\w+', b'ab\xe9cd'),
    (rb'(?L)\w+', b'ab\xe9cd'), (rb'(?iL)K', b'k'), (rb'(?i)(a)\1', b'aA'), (rb'\s+', b'a \x0b\x1cb'),
    (rb'[\x00-\x7f]+', b'abc\x80\xff'), (rb'(?iL)[a-c]+', b'ABCabc'),
]
for pat, s in BYTES:
    print(pat, s, re.findall(pat, s))

for n in (100, 2000, 50000):
    s = 'ab' * n + 'c'
    print(n, re.match(r'(ab)*c', s).span(), re.match(r'(?:a|b)*?c', s).span(),
          re.fullmatch(r'(?:ab|a)*', 'ab' * n) is not None, re.search(r'(a|b)*d', s[:2000]),
          len(re.findall(r'(?<=a)b', s)), re.match(r'(?:(a)|b)+', s).group(1))
print(re.match(r'(a+)+b', 'a' * 18 + 'c'))
print(re.match(r'(?:a{1,3}){5}', 'aaaaaaaaaaaaa').span(), re.match(r'(?:a{2,3}?){2,}?x', 'aaaaaaax'))
print(re.match(r'(a)(?:b\1)*', 'ababa').span(), re.match(r'^(?:(\d+)\.)?(\d+)$', '12.34').groups())
print(re.match(r'(?=.*\d)(?=.*[a-z])\w{6,}', 'abc123'), re.match(r'(?!.*x).*', 'abc'))
print(re.search(r'(?<=\d{3})x', 'a123x'), re.search(r'(?<![a-z]{2})\d', 'ab1 c2'))
print(re.sub(r'(?<=(.))x', r'[\1]', 'axbxx'), re.match(r'(?>(a|ab))c', 'abc'))
print(re.match(r'(?:(?>a|ab))+c', 'aabc'), re.match(r'((?>ab|a))+c', 'abac').groups())
print(re.match(r'(a)?(b)?(?(2)x|y)', 'by'), re.match(r'(a)?(b)?(?(2)x|y)', 'bx').span())
print(re.match(r'\d{2,}+\d', '123'), re.match(r'[ab]?+b', 'b'), re.match(r'(?:a|ab)++c', 'abc'))
print(re.match(r'.*?(\d+)$', 'abc 123').group(1), re.match(r'(.*)(\d+)$', 'abc 123').group(1, 2))
print(re.compile(r'\d+').search('x' * 10000 + '42').span())
# Deep backtracking runs on the matcher's own stacks, not the C stack.
s = 'x' * 300000 + 'y'
print(re.match(r'(x)*y', s).span(), re.match(r'(?:x|z)*?y', s).span(), re.match(r'(?:(x)|z)+$', s))
