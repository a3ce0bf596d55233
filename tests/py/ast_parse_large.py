# A large module parsed into AST objects in one call: one long transaction
# that allocates a lot and keeps most of it (the GIL flavour's collections
# were quadratic in it: minutes instead of a fraction of a second).
import ast
import os

path = os.path.join(os.path.dirname(os.__file__), "_pydecimal.py")
with open(path, encoding="utf-8") as f:
    tree = ast.parse(f.read())
print(type(tree).__name__, len(tree.body))
classes = [n.name for n in tree.body if isinstance(n, ast.ClassDef)]
print(len(classes), classes[:5])
functions = sum(isinstance(n, ast.FunctionDef) for n in ast.walk(tree))
print("functions", functions)
