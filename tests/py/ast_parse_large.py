# A large module parsed into AST objects in one call: one long transaction
# that allocates a lot and keeps most of it (the GIL flavour's collections
# were quadratic in it: _pydecimal.py took minutes instead of 0.2 s).
import ast

# Debian's copy, which stmpy runs (python3 here may have another).
path = "/usr/lib/python3.11/argparse.py"
with open(path, encoding="utf-8") as f:
    tree = ast.parse(f.read())
print(type(tree).__name__, len(tree.body))
classes = [n.name for n in tree.body if isinstance(n, ast.ClassDef)]
print(len(classes), classes[:5])
functions = sum(isinstance(n, ast.FunctionDef) for n in ast.walk(tree))
print("functions", functions)
