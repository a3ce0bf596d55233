# The ast module over _ast: parse, dump, literal_eval, unparse, visitors.
import ast

tree = ast.parse("x = a + b[1]\nif x:\n    f(y, *z, k=2)\n")
print(ast.dump(tree))
print(ast.dump(tree.body[0], include_attributes=True))
print(ast.dump(ast.parse("a if b else c", mode="eval")))
print(ast.dump(ast.parse("lambda x, /, y=1, *a, k, **kw: x", mode="eval")))
print(ast.dump(ast.parse("match p:\n case [1, *r] | {'k': _} if r: pass\n")))
print(ast.dump(ast.parse("async def g():\n    async with a as b: await c\n")))
print(ast.dump(ast.parse("(f'{x!r:>{w}}', b'\\x00', 1j, 2.5, ...)", mode="eval")))
print(ast.literal_eval("{1: [2, 3.5, 4j], 's': (None, True, -7)}"))
print(ast.unparse(tree))


class Names(ast.NodeVisitor):
    def __init__(self):
        self.names = []

    def visit_Name(self, node):
        self.names.append((node.id, type(node.ctx).__name__, node.col_offset))


v = Names()
v.visit(tree)
print(v.names)
print([type(n).__name__ for n in ast.walk(ast.parse("del a.b, c[0]"))])
print(ast.Name("x").id, ast.Name.__module__, ast.Name._fields, ast.expr._attributes)
print(isinstance(ast.Constant(1), ast.expr), ast.FunctionDef().returns)
try:
    ast.parse("x = = 1")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno, e.offset)
try:
    ast.Name("a", ast.Load(), 3)
except TypeError as e:
    print(e)
