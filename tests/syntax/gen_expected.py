#!/usr/bin/env python3
"""Generates expected/ from CPython 3.11 for every program in cases/:
run once (python3 must be 3.11) and check the results in.

For a program CPython parses, expected/NAME.ast holds
ast.dump(ast.parse(src), include_attributes=True).  For one it rejects,
expected/NAME.err holds four lines: the exception type, the line, the
caret column stmpy must print (see caret()), and the message.  Programs
that ast.parse accepts but compile() rejects (errors from CPython's symbol
table or code generator) get both files and are listed in
compiler_errors.txt: tests/syntax/run checks their tree now, and their
error once that file says "enabled: yes".
"""
import ast
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def caret(e):
    """The column of the first '^' under the source line as stmpy (like
    CPython's excepthook) prints it: the line loses its indentation and
    the caret moves with it.  "-" when no caret is printed."""
    if e.text is None or e.offset is None or not e.lineno or e.lineno < 1:
        return "-"
    text = e.text.split("\n")[0]
    stripped = text.lstrip(" \t\f")
    col = e.offset - 1 - (len(text) - len(stripped))
    if col < 0:
        return "-"
    return str(min(col, len(stripped.encode("utf-8", "surrogatepass"))))


def error_lines(e):
    if isinstance(e, SyntaxError):
        return "%s\n%s\n%s\n%s\n" % (type(e).__name__, "-" if e.lineno is None else e.lineno, caret(e), e.msg)
    return "%s\n-\n-\n%s\n" % (type(e).__name__, e)


def main():
    assert sys.version_info[:2] == (3, 11), sys.version
    cases = sorted(f[:-3] for f in os.listdir(os.path.join(HERE, "cases")) if f.endswith(".py"))
    out = os.path.join(HERE, "expected")
    os.makedirs(out, exist_ok=True)
    for f in os.listdir(out):
        os.remove(os.path.join(out, f))
    compiler = []
    for name in cases:
        path = os.path.join("cases", name + ".py")
        with open(os.path.join(HERE, path), "rb") as f:
            src = f.read()
        try:
            tree = ast.parse(src, path)
        except (SyntaxError, RecursionError, MemoryError) as e:
            with open(os.path.join(out, name + ".err"), "w") as f:
                f.write(error_lines(e))
            continue
        with open(os.path.join(out, name + ".ast"), "w", encoding="utf-8", errors="surrogatepass") as f:
            f.write(ast.dump(tree, include_attributes=True) + "\n")
        try:
            compile(src, path, "exec")
        except SyntaxError as e:
            compiler.append(name)
            with open(os.path.join(out, name + ".err"), "w") as f:
                f.write(error_lines(e))
    with open(os.path.join(HERE, "compiler_errors.txt"), "w") as f:
        f.write("# Cases whose error comes from CPython's symbol table or compiler, not its\n"
                "# parser.  Until the next line says \"enabled: yes\", tests/syntax/run\n"
                "# checks only that stmpy parses them into CPython's tree.\n"
                "enabled: yes\n")
        f.write("".join(n + "\n" for n in compiler))


if __name__ == "__main__":
    main()
