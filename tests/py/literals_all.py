# Literal syntax: string prefixes (r, b, rb, f, u), escapes including
# \N{name}, \x, \u, \U, octal, line continuation and implicit
# concatenation; numeric literals with underscores in every base, floats,
# imaginary numbers; containers, and the SyntaxErrors for bad literals.
print("tab\there", r"raw\tnot", b"bytes\x41", rb"raw\x41", u"unicode", "\N{GREEK SMALL LETTER ALPHA}\N{bullet}", "\u00e9\U0001F600")
print("\101\102\103", "\0", len("\x00\x7f"), "\a\b\f\v" == "\x07\x08\x0c\x0b", "a\
b", "implicit" " " "concatenation", ("multi"
      "line"), 'single\'s', "double\"s", """triple "quoted" """, '''other 'triple' ''')
print(len("""line1
line2
"""), r"\n".__len__(), r"trailing\\", b"\xff"[0], "\x41\u0042\U00000043", "\\N{not a name}", "a\
    b")
print(1_000_000, 0x_ff_ff, 0o_777, 0b_1010_1010, 0XAB, 0O17, 0B11, 00, 0_0, 1e1_0, 1_0.0_1e-1_0, .5, 5., 0e0, 1E+3)
print(3j, 1.5J, 0j, 1e3j, 1_0j, 10 ** 30, -2 ** 63, 0xFFFFFFFFFFFFFFFFFFFF, 0o7777777777777777777777, 1e308 * 10, 1e-400)
print([], [1, ], (), (1,), (1, 2,), {}, {1: 2, }, {1, }, {"a": 1, **{"b": 2}}, [*range(2)], (*"ab",), {*"aa"})
print(type(()).__name__, type((1)).__name__, type((1,)).__name__, type({}).__name__, type({1}).__name__, ..., Ellipsis)
print(True, False, None, __debug__, "%s" % __name__, type(NotImplemented).__name__)
bad = ['"unterminated', "'''never", "0777", "1__0", "1_", "0x", "0b2", "0o8", "1e", "1.e", "08", "0x_", "1 if", "b'é'", "'\\N{NOPE}'",
       "'\\x4'", "'\\u12'", "'\\U1234567'", "f'{'", "1.2.3", "0b", "1j2", "1__0j", "b'\\u1234'" , "'\\777'", "u'x' b'y'", "'a' b'b'"]
for src in bad:
    try:
        print(repr(src), "->", repr(eval(src)))
    except SyntaxError as e:
        print(repr(src), "->", type(e).__name__, e.msg)
print(0.1 + 0.2, 1 / 3, 2 ** 0.5, 1e16 + 1, 9007199254740993, 0.1 * 3, 100 * 1.1, 1e-7, 123e-2, 5e-324, 1.7976931348623157e308)
print(int("0b101", 0), float("1_0.5"), complex("1_0+2_0j"), int("1_0", 16), eval("0_0"), eval("1_2_3"))
x = 5
print(f"{x}" f"{x + 1}" "plain" rf"\t{x}" fr"{x}\n", "a" "b" f"{'c'}", "%d%%" % 5, '{}{{}}'.format(1))
