import unicodedata as u
chars = 'aZ5\u00e9\u0301 \t\n\u00bd\u2167\u0663\u4e00\uac00\u05d0\u0627(\u00ab\u200f\u3000\uff21\U0001f600\U00010400\ud800\ue000\x00\u0378\u00b2\u2460\U000e0001'
for c in chars:
    print('%04X' % ord(c), u.category(c), repr(u.bidirectional(c)), u.combining(c), u.east_asian_width(c),
          u.mirrored(c), repr(u.decomposition(c)), u.decimal(c, None), u.digit(c, None), u.numeric(c, None), u.name(c, None))
print(u.unidata_version, u.ucd_3_2_0.unidata_version, type(u.ucd_3_2_0).__name__, u.UCD)
for n in ['LATIN SMALL LETTER A', 'latin small letter a', 'SNOWMAN', 'CJK UNIFIED IDEOGRAPH-4E00', 'HANGUL SYLLABLE GAG',
          'LATIN CAPITAL LETTER GHA', 'BYTE ORDER MARK', 'LATIN SMALL LETTER A WITH MACRON AND GRAVE', 'KEYCAP NUMBER SIGN',
          b'GREEK SMALL LETTER ALPHA', 'NUL']:
    print(repr(n), ascii(u.lookup(n)))
print('\N{LATIN CAPITAL LETTER GHA}', '\N{BOM}' == '\ufeff')
for bad in [lambda: u.lookup('NO SUCH THING'), lambda: u.lookup('A' * 300), lambda: u.lookup(1), lambda: u.name('\u0378'),
            lambda: u.decimal('a'), lambda: u.digit('x'), lambda: u.numeric('y'), lambda: u.category('ab'), lambda: u.category(1),
            lambda: u.name('ab'), lambda: u.category(), lambda: u.name(), lambda: u.decimal('1', 2, 3), lambda: u.UCD(),
            lambda: u.combining(''), lambda: u.mirrored(b'a')]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(u.decimal('\u0663'), u.digit('\u00b2'), u.numeric('\u00bd'), u.numeric('\u2167'), u.numeric('\u4e07'), u.decimal('x', 'dflt'))
print(u.ucd_3_2_0.category('A'), u.ucd_3_2_0.name('A'), u.ucd_3_2_0.normalize('NFKC', '\ufb01'), u.ucd_3_2_0.lookup('DIGIT ONE'))
counts = {}
for cp in range(0, 0x30000, 7):
    c = chr(cp)
    counts[u.category(c)] = counts.get(u.category(c), 0) + 1
print(sorted(counts.items()))
print(sum(1 for cp in range(0x110000) if u.name(chr(cp), None)))
print(sum(u.combining(chr(cp)) for cp in range(0x110000)), sum(u.mirrored(chr(cp)) for cp in range(0x110000)))
for bad in [lambda: u.lookup(b'\xff'), lambda: u.lookup(''), lambda: u.lookup('\udcff'), lambda: u.lookup(b'SNOWMAN')]:
    try:
        print(ascii(bad()))
    except Exception as e:
        print(type(e).__name__, ascii(str(e)))
print(ascii(u.name(chr(0x10ffff), 5)), ascii('\N{NBSP}'), ascii('abc\xa0\u4e00\uac00'.encode('ascii', 'namereplace')))
