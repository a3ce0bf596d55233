print(eval("1 + 2"), eval("x * 2", {"x": 5}), eval("y", {}, {"y": 7}))
ns = {}
exec("a = 10\ndef f(): return a * 2", ns)
print(ns["a"], ns["f"]())
exec("print('exec prints', 3)")
code = compile("40 + 2", "<string>", "eval")
print(eval(code), type(code).__name__, code.co_filename)
c2 = compile("z = 1\nprint('compiled', z)", "<mod>", "exec")
exec(c2)
g = {}
exec(c2, g)
print(g["z"])
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno)
try:
    eval("undefined_xyz")
except NameError as e:
    print(e)
def scope():
    v = 3
    return eval("v + 1")
print(scope())
print(eval("__builtins__") is not None, eval("len('abc')"))
loc = {}
exec("q = 5", None, loc)
print(loc)
single = compile("1 + 1", "<s>", "single")
exec(single)
try:
    compile("x", "f", "bogus")
except ValueError as e:
    print(e)
try:
    exec(5)
except TypeError as e:
    print(e)
