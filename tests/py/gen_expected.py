"""Writes NAME.out for every tests/py/NAME.py: what CPython 3.11 prints.

Run once with python3 (3.11) and check the .out files in; `run` compares
stmpy against them.  A .out holds the program's stdout, then its stderr
after a line '--- stderr ---' when there is any, then '--- exit N ---'.
The tests directory is removed from paths so that the files do not depend
on where the tree is checked out; NAME.in, when present, is fed to stdin.
NAME.args, when present, holds the command line after the interpreter
(shell words, e.g. `-m NAME a b` or `-u NAME.py`) instead of `NAME.py`.
"""
import os
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def expected(name):
    stdin_path = os.path.join(HERE, name + ".in")
    stdin = open(stdin_path, "rb") if os.path.exists(stdin_path) else subprocess.DEVNULL
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8")
    args_path = os.path.join(HERE, name + ".args")
    args = [name + ".py"]
    if os.path.exists(args_path):
        with open(args_path, encoding="utf-8") as f:
            args = shlex.split(f.read())
    p = subprocess.run([sys.executable] + args, cwd=HERE, stdin=stdin,
                       capture_output=True, env=env, timeout=60)
    out = p.stdout.decode("utf-8", "surrogateescape")
    err = p.stderr.decode("utf-8", "surrogateescape").replace(HERE + "/", "")
    text = out
    if err:
        if text and not text.endswith("\n"):
            text += "\n"
        text += "--- stderr ---\n" + err
    if text and not text.endswith("\n"):
        text += "\n"
    return text + "--- exit %d ---\n" % p.returncode


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("gen_expected.py needs CPython 3.11")
    names = sys.argv[1:] or sorted(f[:-3] for f in os.listdir(HERE) if f.endswith(".py")
                                   and f != "gen_expected.py")
    for name in names:
        with open(os.path.join(HERE, name + ".out"), "w", encoding="utf-8") as f:
            f.write(expected(name))


main()
