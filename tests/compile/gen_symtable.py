#!/usr/bin/env python3
"""Prints CPython's symbol table of a file in the format of `stmpy --symtable`.
Produces tests/compile/symtable/*.out (run with python3.11):
    for f in symtable/*.py; do ./gen_symtable.py $f > ${f%.py}.out; done"""
import symtable
import sys

SCOPES = {0: "none", 1: "local", 2: "global_explicit", 3: "global_implicit", 4: "free", 5: "cell"}
TYPES = {0: "function", 1: "class", 2: "module"}


def dump(t, depth):
    pad = "  " * depth
    tab = t._table
    print(f"{pad}{TYPES[tab.type]} {tab.name} {tab.lineno}{' nested' if tab.nested else ''}")
    for name in sorted(tab.symbols):
        v = tab.symbols[name]
        print(f"{pad}  {name} {SCOPES[(v >> 11) & 15]} {v & 0x7ff}")
    if tab.type == 0:
        print(f"{pad}  params:" + "".join(" " + n for n in tab.varnames))
    for c in t.get_children():
        dump(c, depth + 1)


with open(sys.argv[1], encoding="utf-8") as f:
    src = f.read()
try:
    dump(symtable.symtable(src, sys.argv[1], "exec"), 0)
except SyntaxError as e:
    print(f"SyntaxError: {e.msg} ({e.lineno}:{e.offset})")
