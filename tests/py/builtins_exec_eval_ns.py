# exec/eval/compile: globals and locals mappings, __builtins__ injection,
# compile modes and flags, code objects reused, errors from bad arguments.

g = {}
exec("x = 1\ny = x + 1", g)
print(sorted(k for k in g if k != "__builtins__"), g["y"], "__builtins__" in g)
l = {}
exec("a = 5\nb = a * 2", {}, l)
print(l)
print(eval("a + b", {}, l), eval("x * 10", g), eval("len('abc')"))
print(eval("z", {"z": 1}, {"z": 2}), eval("[z for _ in range(1)]", {"z": "global"}, {"z": "local"}))

class Loud(dict):
    def __getitem__(self, k):
        return "looked up " + k
print(eval("anything", {}, Loud()))
class LocalsMapping:
    def __getitem__(self, k):
        if k == "magic":
            return 42
        raise KeyError(k)
print(eval("magic + 1", {}, LocalsMapping()))
try:
    eval("nothing", {}, LocalsMapping())
except NameError as e:
    print(type(e).__name__, e)

code = compile("result = base ** 2", "<calc>", "exec")
for base in range(3):
    ns = {"base": base}
    exec(code, ns)
    print(ns["result"], end=" ")
print()
expr = compile("p * q", "<expr>", "eval")
print(eval(expr, {"p": 3, "q": 4}), type(expr).__name__, expr.co_filename, expr.co_name)
single = compile("1 + 2", "<single>", "single")
import io, contextlib
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    exec(single)
print(repr(buf.getvalue()))

restricted = {"__builtins__": {"len": len}}
print(eval("len([1, 2])", restricted))
try:
    eval("print('x')", restricted)
except NameError as e:
    print(type(e).__name__, e)
print(eval("__builtins__ is not None", {}))

def f():
    local_var = "in f"
    return eval("local_var"), eval("local_var + '!'", None, {"local_var": "override"})
print(f())
def g2():
    exec("new_local = 1")
    try:
        return new_local
    except NameError as e:
        return "NameError: " + str(e)
print(g2())
def g3():
    ns = {}
    exec("new_local = 1", globals(), ns)
    return ns
print(g3())

for bad in [(5,), ("1", 5), ("1", {}, 5), ("1", []), (b"1 + 1",)]:
    try:
        print("eval", repr(eval(*bad)))
    except (TypeError, SyntaxError) as e:
        print(type(e).__name__, e)
for bad in [(5,), ("x = ", {}), ("return 1",), ("exec", {}, {}, 1)]:
    try:
        exec(*bad)
        print("exec ok")
    except (TypeError, SyntaxError) as e:
        print(type(e).__name__, e)
for args in [("1", "f", "bogus"), ("1", "f"), (1, "f", "eval"), ("1 +", "f", "eval"),
             ("x", "f", "eval", 0, False, 5)]:
    try:
        print(type(compile(*args)).__name__)
    except (TypeError, ValueError, SyntaxError) as e:
        print(type(e).__name__, e)
try:
    exec(compile("1/0", "<boom>", "exec"))
except ZeroDivisionError as e:
    import traceback
    print(traceback.extract_tb(e.__traceback__)[-1][:3])
print(eval("  1 + 1  "), eval("\n1\n"), eval("(1,\n2)"))
ns = {}
exec("def fn(a, b=2):\n    return a + b\nclass C:\n    attr = fn(1)\n", ns)
print(ns["fn"](5), ns["C"].attr, ns["fn"].__module__ if "__name__" in ns else ns["fn"].__globals__ is ns)
exec("import math as m", ns)
print(ns["m"].sqrt(16))
print(eval("sum(i for i in range(n))", {"n": 5}))
print(eval(compile("a if b else c", "<t>", "eval"), {"a": 1, "b": 0, "c": 3}))
print(repr(eval("'\\x41'")), eval("0x10 + 0o10 + 0b10"))
