# The warnings CPython 3.11 emits while compiling: SyntaxWarning for "is"
# with a literal, calls and subscripts of literals, asserts of tuples,
# numbers running into keywords; DeprecationWarning for invalid escapes.
# Recorded through warnings.catch_warnings, and as SyntaxErrors once the
# filters turn them into errors.
import ast
import warnings


def check(src, mode="exec"):
    print(repr(src))
    with warnings.catch_warnings(record=True) as ws:
        warnings.simplefilter("always")
        try:
            compile(src, "<w>", mode)
        except SyntaxError as e:
            print("  SyntaxError:", e)
    for w in ws:
        print("  %s %s:%s: %s" % (w.category.__name__, w.filename, w.lineno, w.message))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            compile(src, "<w>", mode)
        except SyntaxError as e:
            print("  error:", e.msg, (e.lineno, e.offset, e.end_lineno, e.end_offset))


CASES = [
    # "is" and "is not" with a literal
    'x is 1', 'x is not "a"', 'x is -1', 'x is (1, 2)', 'x is ()', '"a" is x', 'x is b"a"',
    'x is 1j', 'x is ...', 'x is None is True', 'x is not f"a"', 'x is []', '1 is x is 2',
    'if x is 1 < 2: pass', 'if (x <\n 2 is 1): pass', 'if (\nx is 1): pass',
    'not x is 1', 'if not x is 1: pass', 'if not (x is not 1): pass',
    '[y for y in z if y is 1]', 'f"{x is 1}"', 'x is 1 or y is 2', 'x = 1 if y is 2 else 3',
    'while x is 1: pass', 'while not x is 1 and (1, 2)(3): pass',
    'def f():\n    x is 1\n    return x is ()',
    'class C:\n    def f(self, a=(x is 1)):\n        return lambda: a is "s"',
    'if 0:\n    x is 1', 'match x:\n    case 1 if x is 1: pass',
    # assert of a tuple
    'assert (x, 1)', 'assert ()', 'assert (1,)', 'assert x is 1, (1, 2)(3)',
    # calls of literals
    '(1, 2)(3)', '[1](2)', '"a" "b"(1)', 'f"x"(1)', '{1}(2)', '(x for x in y)(1)', '(1)(2)',
    '...(1)', 'True()', '-1()', '"abc"[0](1)', 'x()()', '(lambda: 1)()', 'f"{(1, 2)(3)}"',
    'with (1)(2): pass', 'def f(a: (1)(2)): pass', 'from __future__ import annotations\nx: (1)(2) = 3',
    # subscripts of literals
    '1[2]', '{1}[0]', 'None[1]', '(lambda: 1)[0]', '1.5[0]', '(1 + 2)[0]', 'x += (1)[0]',
    '[1, 2]["a"]', '(1, 2)[1.5]', '"ab"[1.0]', '[1, 2][1, 2]', '"a"["b"]', '[x for x in y][1.0]',
    'f"a{x}"[None]', '"a"[lambda: 1]', '"a"[{1}]', '"a"[...]', '"a"[1j]',
    '[1][x]', 'x[1:2]', '(1, 2)[1:2]', '"a"[True]', 'del (1, 2)[0]', '(1, 2)[0] = 1',
    # invalid escapes
    '"\\d"', 'b"\\d"', 'f"\\d{x}"', '"\\777"', 'b"\\400"', '"\\0"', '"\\d\\e"', '"\\d" "\\e"',
    'rb"\\d"', '"\\8"', 'b"\\u1234"', '"\\é"', 'x = (\n"\\d")', '"""\n\\d"""',
    'def f():\n    "\\d"\n    return 1',
    # numbers running into keywords
    '0x1for x in y', '1if x else 2', '[0o7and 1]', '[1for x in y]', 'x = 1or 2', '1.5and 1',
    '1jand 1', 'def f():\n  return 1if x else 2',
    'f"{1if x else 2}"', 'f"{x:{1if y else 2}}"', 'x = 1\nz = f\"\"\"a\n{1if x else 2}\"\"\"',
    'f"\\{x}"', 'f"{x!r:\\d}"', 'f"{x}\\d{y}"', 'f"\"\"\n{x}\\d\"\"\"',
    # an error of the compiler's own
    'async def f():\n    yield 1\n    return 2',
]

for case in CASES:
    check(case)
check("x is 1", "eval")
check("x is 1", "single")

# exec() of a string warns under the name "<string>".
with warnings.catch_warnings(record=True) as ws:
    warnings.simplefilter("always")
    exec("y = 1\nz = y is 1")
print([(w.filename, w.lineno, str(w.message)) for w in ws])

# ast.parse() warns about escapes (under "<unknown>"); compile() of the tree
# about the rest, under the name it is given.
with warnings.catch_warnings(record=True) as ws:
    warnings.simplefilter("always")
    tree = ast.parse('x is 1\n"\\d"')
    compile(tree, "tree.py", "exec")
print([(w.category.__name__, w.filename, w.lineno, str(w.message)) for w in ws])

# A filter for one category turns only that one into errors; other
# exceptions raised by the filters come out as they are.
with warnings.catch_warnings(record=True) as ws:
    warnings.simplefilter("always")
    warnings.filterwarnings("error", category=DeprecationWarning)
    code = compile('x = 1\nok = x is 1', "<w>", "exec")
    try:
        compile('"\\d"', "<w>", "exec")
    except SyntaxError as e:
        print(e)
print(len(ws), str(ws[0].message))


class Stop(Exception):
    pass


def showwarning(*args):
    raise Stop("from showwarning")


with warnings.catch_warnings():
    warnings.simplefilter("always")
    warnings.showwarning = showwarning
    try:
        compile("x is 1", "<w>", "exec")
    except Stop as e:
        print("Stop:", e)

# A module named after the file: "module" filters apply to the file name.
with warnings.catch_warnings(record=True) as ws:
    warnings.simplefilter("always")
    warnings.filterwarnings("ignore", module="quiet")
    compile("x is 1", "quiet.py", "exec")
    compile("x is 1", "loud.py", "exec")
print([w.filename for w in ws])
