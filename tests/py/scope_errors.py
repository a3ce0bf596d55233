# Compile-time scope errors (global/nonlocal misuse, return/yield outside
# functions, break/continue outside loops, and others), reported by
# compile() as SyntaxError with CPython's messages and positions.

sources = [
    "def f():\n    x = 1\n    global x\n",
    "def f(a):\n    global a\n",
    "def f():\n    nonlocal y\n",
    "nonlocal z\n",
    "def f():\n    x = 1\n    def g():\n        print(x)\n        nonlocal x\n",
    "def f(p):\n    def g():\n        nonlocal p\n        p = 2\n    nonlocal q\n",
    "def f():\n    global v\n    nonlocal v\n",
    "return 5\n",
    "yield 1\n",
    "class C:\n    return 1\n",
    "break\n",
    "continue\n",
    "def f():\n    for i in x:\n        pass\n    break\n",
    "await x\n",
    "def f():\n    await x\n",
    "async def f():\n    yield from x\n",
    "def f():\n    x = yield\n    return [(yield) for _ in y]\n",
    "f(x for x in y, 1)\n",
    "def f(a, a):\n    pass\n",
    "def f(*, **k, a):\n    pass\n",
    "def f(a=1, b):\n    pass\n",
    "f(a=1, a=2)\n",
    "f(**k, *a)\n",
    "x = 1 = 2\n",
    "del f()\n",
    "(a, b) += 1\n",
    "f() = 1\n",
    "None = 1\n",
    "__debug__ = 1\n",
    "def f(__debug__): pass\n",
    "lambda: (yield)\n",
    "[x for x in range(3)] = 1\n",
    "a + 1 = 2\n",
    "for 1 in x: pass\n",
    "with a as 1: pass\n",
    "import a.b as\n",
    "from x import *\ndef f():\n    from y import *\n",
    "def f():\n    class C:\n        nonlocal q\n",
    "try:\n    pass\nexcept* (ValueError, TypeError):\n    pass\nexcept ValueError:\n    pass\n",
    "try:\n    pass\nexcept*:\n    pass\n",
    "if x:\npass\n",
    "  indented\n",
    "def f():\n\tif x:\n        pass\n",
    "x = (1, 2\n",
    "x = [1, 2)\n",
    "'unterminated\n",
    "'''never closed\n",
    "x = 0777\n",
    "x = 1__0\n",
    "x = 1e\n",
    "print 'hi'\n",
    "f'{x!z}'\n",
    "f'{}'\n",
    "match x:\n    case {**r, 'a': 1}:\n        pass\n",
    "match x:\n    case a | b:\n        pass\n",
    "match x:\n    case y:\n        pass\n    case 1:\n        pass\n",
    "match x:\n    case [a, a]:\n        pass\n",
    "a, *b, *c = d\n",
    "*a = b\n",
    "x := 5\n",
    "[i := 0 for i in range(3)]\n",
    "def f[T](): pass\n",
]
for src in sources:
    try:
        compile(src, "<src>", "exec")
        print("OK", repr(src[:40]))
    except SyntaxError as e:
        print("%s: %s (line %s, offset %s)" % (type(e).__name__, e.msg, e.lineno, e.offset))
for src, mode in [("x = 1", "eval"), ("1 +", "eval"), ("pass", "bogus")]:
    try:
        compile(src, "<m>", mode)
        print("OK", repr(src), mode)
    except (SyntaxError, ValueError) as e:
        print(type(e).__name__, e)
