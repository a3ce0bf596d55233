# compile() of AST objects: parsed trees, transformed trees and trees built
# by hand compile and run as their source would; malformed trees raise
# CPython's errors.
import ast
import re
src = '''
def f(x, *a, k=3, **kw):
    """doc"""
    total = 0
    for i in range(x):
        if i % 2: total += i
        else: continue
    try:
        1/0
    except ZeroDivisionError as e:
        total -= 1
    finally:
        pass
    return [total, a, k, kw, {i: i*i for i in range(3)}, (lambda y: y+1)(2), f"{x!r:>4}"]
class C:
    z = 1
    def m(self): return self.z + 1
match (1, 2):
    case (1, y): print("match", y)
print(f(5, 9, k=4, q=1), C().m())
'''
tree = ast.parse(src)
code = compile(tree, "<ast>", "exec")
exec(code)
print(eval(compile(ast.parse("1 + 2 * 3", mode="eval"), "<e>", "eval")))
# transform: replace every constant 2 with 20
class T(ast.NodeTransformer):
    def visit_Constant(self, node):
        if node.value == 2:
            return ast.copy_location(ast.Constant(20), node)
        return node
t2 = ast.fix_missing_locations(T().visit(ast.parse("print(2 + 2, [2, 3])")))
exec(compile(t2, "<t>", "exec"))
# hand-built trees
m = ast.Module(body=[ast.Expr(ast.Call(ast.Name("print", ast.Load()), [ast.Constant(-5), ast.Constant(1+2j), ast.Constant((1, "a", None))], []))], type_ignores=[])
exec(compile(ast.fix_missing_locations(m), "<m>", "exec"))
print(compile(tree, "<ast>", "exec", ast.PyCF_ONLY_AST) is tree)
# errors
def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, re.sub(" at 0x[0-9a-f]+", "", str(e)))
err(lambda: compile(ast.Module(body=[ast.Pass()], type_ignores=[]), "<x>", "exec"))
err(lambda: compile(ast.Expression(body=ast.Constant(1)), "<x>", "exec"))
err(lambda: compile(ast.fix_missing_locations(ast.Module(body=[ast.Expr(ast.Constant([1]))], type_ignores=[])), "<x>", "exec"))
err(lambda: compile(ast.fix_missing_locations(ast.Module(body=ast.Pass(), type_ignores=[])), "<x>", "exec"))
err(lambda: compile(ast.fix_missing_locations(ast.Module(body=[ast.Expr(ast.Name(5, ast.Load()))], type_ignores=[])), "<x>", "exec"))
err(lambda: compile(ast.fix_missing_locations(ast.Module(body=[ast.Expr()], type_ignores=[])), "<x>", "exec"))
err(lambda: compile(ast.fix_missing_locations(ast.Module(body=[ast.Return(ast.Constant(1))], type_ignores=[])), "<x>", "exec"))
err(lambda: compile(ast.Module(type_ignores=[]), "<x>", "exec"))
fix = ast.fix_missing_locations
err(lambda: compile(fix(ast.Module([ast.Assign([ast.Name("a", ast.Load())], ast.Constant(1))], [])), "<x>", "exec"))
err(lambda: compile(fix(ast.Module([ast.Assign([ast.Constant(1)], ast.Constant(1))], [])), "<x>", "exec"))
err(lambda: compile(fix(ast.Module([ast.Expr(ast.Name("a", ast.Store()))], [])), "<x>", "exec"))
err(lambda: compile(fix(ast.Module([ast.If(ast.Constant(1), [], [])], [])), "<x>", "exec"))
err(lambda: compile(fix(ast.Module([ast.Expr(ast.ListComp(ast.Constant(1), []))], [])), "<x>", "exec"))
err(lambda: compile(fix(ast.Module([ast.Expr(ast.Compare(ast.Constant(1), [ast.Lt()], []))], [])), "<x>", "exec"))
err(lambda: compile(fix(ast.Module([ast.Expr(ast.BoolOp(ast.And(), [ast.Constant(1)]))], [])), "<x>", "exec"))
err(lambda: compile(fix(ast.Module([ast.Expr(ast.Call(ast.Name("f", ast.Load()), [None], []))], [])), "<x>", "exec"))
err(lambda: compile(fix(ast.Module([ast.Try([ast.Pass()], [], [], [])], [])), "<x>", "exec"))
err(lambda: compile(fix(ast.Module([ast.Expr(ast.BinOp(ast.Constant(1), ast.Load(), ast.Constant(2)))], [])), "<x>", "exec"))
# del and augmented targets, keyword-only defaults, ** in dicts
ns = {}
exec(compile(ast.parse("a = [1, 2, 3]\ndel a[0]\nb = {**{'k': 1}, 'j': 2}\ndef g(*, x, y=2): return x + y\nc = g(x=1)"), "<y>", "exec"), ns)
print(ns["a"], ns["b"], ns["c"])
def tb():
    t = ast.parse("x = 1\ny = x / 0\n")
    exec(compile(t, "<tb>", "exec"), {})
try:
    tb()
except ZeroDivisionError as e:
    import traceback
    print(traceback.extract_tb(e.__traceback__)[-1][:3])
