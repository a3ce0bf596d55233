a = 'line\
continued'
b = '\0\00\000\0000'
c = b'\777'[0:0] if False else b''
d = '\N{LATIN SMALL LETTER A}\N{latin small letter b}\N{CJK UNIFIED IDEOGRAPH-4E00}\N{HANGUL SYLLABLE GAG}'
