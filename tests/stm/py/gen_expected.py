"""Writes NAME.out for every tests/stm/py/NAME.py: what CPython 3.11 prints
when the program runs on the serial, lock-based transaction module of
lib/ (PYTHONPATH=lib).  `run` compares both stmpy flavours against them.

Every program checks its own results (asserts) and prints only what does
not depend on the interleaving, so one .out serves CPython, stmpy's GIL
flavour and its STM flavour.  A .out holds the program's stdout, then its
stderr after a line '--- stderr ---' when there is any, then
'--- exit N ---', as in tests/py.

    python3 tests/stm/py/gen_expected.py [NAME...]
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LIB = os.path.normpath(os.path.join(HERE, "..", "..", "..", "lib"))


def expected(name):
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8", PYTHONPATH=LIB)
    p = subprocess.run([sys.executable, name + ".py"], cwd=HERE, stdin=subprocess.DEVNULL,
                       capture_output=True, env=env, timeout=120)
    out = p.stdout.decode("utf-8", "surrogateescape")
    err = p.stderr.decode("utf-8", "surrogateescape").replace(HERE + "/", "")
    text = out
    if err:
        if text and not text.endswith("\n"):
            text += "\n"
        text += "--- stderr ---\n" + err
    if text and not text.endswith("\n"):
        text += "\n"
    if p.returncode != 0 or err:
        print("warning: %s: exit %d%s" % (name, p.returncode, ", stderr" if err else ""),
              file=sys.stderr)
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
