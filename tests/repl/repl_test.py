"""The REPL and the command's stdin modes, driven through a pseudo-terminal
(no real terminal needed).  Usage: repl_test.py STMPY; prints one line per
case, "PASS name" or "FAIL name: why" (tools/runtests' protocol).

Each session's output is normalised (no \r, no echoed ^C/^D) and compared
with the transcript CPython 3.11 would show, bar the banner's first line.
"""
import os
import pty
import select
import signal
import subprocess
import sys
import time

STMPY = os.path.abspath(sys.argv[1])
SLOW = float(os.environ.get("REPL_TEST_SLOW", "1"))
PROMPTS = (">>> ", "... ", "P> ")


class Session:
    def __init__(self, args):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            # A runner started in the background of a shell ignores SIGINT,
            # and the ignoring would pass to the interpreter.
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            env = dict(os.environ, TERM="dumb", PYTHONHASHSEED="0")
            env.pop("STMPY_BIN", None)
            try:
                os.execve(STMPY, [STMPY] + args, env)
            finally:
                os._exit(127)
        self.out = b""
        self.closed = False

    def read(self, timeout):
        r, _, _ = select.select([self.fd], [], [], timeout)
        if not r:
            return False
        try:
            data = os.read(self.fd, 4096)
        except OSError:
            data = b""
        if not data:
            self.closed = True
            return False
        self.out += data
        return True

    def wait_prompt(self, since=None, timeout=20):
        """Until the output ends with a prompt and stays so briefly; with
        `since`, the output after it must also hold a line end (the input
        sent then was handled)."""
        end = time.time() + timeout * SLOW
        while time.time() < end and not self.closed:
            new = self.out[since or 0:].decode(errors="replace")
            if (since is None or "\n" in new) and new.endswith(PROMPTS):
                if not self.read(0.15):
                    return True
            else:
                self.read(0.1)
        return False

    def send(self, text, prompt=True):
        since = len(self.out)
        os.write(self.fd, text.encode())
        if prompt and not self.wait_prompt(since):
            raise TimeoutError("no prompt after %r; output so far: %r" % (text, self.text()))

    def finish(self, timeout=20):
        end = time.time() + timeout * SLOW
        while time.time() < end and not self.closed:
            self.read(0.1)
        _, status = os.waitpid(self.pid, 0)
        os.close(self.fd)
        return os.waitstatus_to_exitcode(status)

    def text(self):
        t = self.out.decode("utf-8", "replace").replace("\r", "")
        return t.replace("^C", "").replace("^D", "")


def check(name, got, want):
    if got == want:
        print("PASS", name)
    else:
        import difflib
        diff = [l for l in difflib.unified_diff(want.splitlines(), got.splitlines(), lineterm="", n=0)
                if l[:1] in "+-" and l[:3] not in ("+++", "---")]
        print("FAIL %s: %s" % (name, " | ".join(diff[:6])))


def session(name, args, steps, want, status=0):
    """steps: text to type (a prompt follows), or ('nowait', text), or
    ('expect', output), or ('^C', wait_prompt), or ('sleep', seconds), or
    ('^D',) to end."""
    try:
        s = Session(args)
        if not s.wait_prompt():
            raise TimeoutError("no first prompt: %r" % s.text())
        for st in steps:
            if isinstance(st, str):
                s.send(st)
            elif st[0] == "sleep":
                time.sleep(st[1] * SLOW)
            elif st[0] == "expect":
                end = time.time() + 20 * SLOW
                while st[1] not in s.text() and time.time() < end and not s.closed:
                    s.read(0.1)
            elif st[0] == "nowait":
                s.send(st[1], prompt=False)
            elif st[0] == "^C":
                s.send("\x03", prompt=st[1])
            elif st[0] == "^D":
                os.write(s.fd, b"\x04")
        rc = s.finish()
    except Exception as e:      # a hang or a crash: report, go on
        print("FAIL %s: %s" % (name, e))
        try:
            os.kill(s.pid, 9)
            os.waitpid(s.pid, 0)
        except Exception:
            pass
        return
    got = s.text()
    lines = got.split("\n", 1)
    if lines[0].startswith("Python 3.11"):
        got = "BANNER\n" + (lines[1] if len(lines) > 1 else "")
    check(name, got + "[exit %d]\n" % rc, want + "[exit %d]\n" % status)


session("tty_basics", [], [
    "1+1\n",
    "x = 5\n",
    "if x:\n", "  print(x * 2)\n", "\n",
    "def f(n):\n", "    return n / 0\n", "\n",
    "f(1)\n",
    "_\n",
    "(1,\n", "2)\n",
    "'''a\n", "b'''\n",
    "None\n",
    "\n",
    "import sys; sys.ps1 = 'P> '\n",
    "x = = 1\n",
    "for i in range(2): print(i)\n", "\n",
    "s = 'é€'\n", "len(s), s\n",
    ("^D",),
], """BANNER
>>> 1+1
2
>>> x = 5
>>> if x:
...   print(x * 2)
... 
10
>>> def f(n):
...     return n / 0
... 
>>> f(1)
Traceback (most recent call last):
  File "<stdin>", line 1, in <module>
  File "<stdin>", line 2, in f
ZeroDivisionError: division by zero
>>> _
2
>>> (1,
... 2)
(1, 2)
>>> '''a
... b'''
'a\\nb'
>>> None
>>> 
>>> import sys; sys.ps1 = 'P> '
P> x = = 1
  File "<stdin>", line 1
    x = = 1
        ^
SyntaxError: invalid syntax
P> for i in range(2): print(i)
... 
0
1
P> s = 'é€'
P> len(s), s
(2, 'é€')
P> 
""")

session("tty_interrupt", ["-q"], [
    "n = 0\n",
    "while True: n += 1; _ = n == 1000 and print('looping')\n",
    ("nowait", "\n"), ("expect", "looping\n"), ("sleep", 0.2), ("^C", True),
    "n > 0\n",
    ("nowait", "abc"), ("sleep", 0.2), ("^C", True),
    "'after'\n",
    ("^D",),
], """>>> n = 0
>>> while True: n += 1; _ = n == 1000 and print('looping')
... 
looping
Traceback (most recent call last):
  File "<stdin>", line 1, in <module>
KeyboardInterrupt
>>> n > 0
True
>>> abc
KeyboardInterrupt
>>> 'after'
'after'
>>> 
""")

session("tty_exit_status", ["-q"], ["import sys\n", ("nowait", "sys.exit(3)\n")],
        """>>> import sys
>>> sys.exit(3)
""", status=3)

here = os.path.dirname(os.path.abspath(__file__))
session("tty_inspect_after_script", ["-i", os.path.join(here, "script.py"), "arg"], [
    "greeting\n", "sys.argv[1:]\n", ("^D",),
], """script ran
>>> greeting
'hello'
>>> sys.argv[1:]
['arg']
>>> 
""")


def piped(name, args, stdin, want_out, want_err, status=0):
    p = subprocess.run([STMPY] + args, input=stdin.encode(), capture_output=True, timeout=60 * SLOW)
    got = "%s--- stderr ---\n%s[exit %d]\n" % (p.stdout.decode(), p.stderr.decode(), p.returncode)
    check(name, got, "%s--- stderr ---\n%s[exit %d]\n" % (want_out, want_err, status))


piped("stdin_program", [], "import sys\nprint(sys.argv)\nfor i in range(2):\n    print(i)\n",
      "['']\n0\n1\n", "")
piped("stdin_dash", ["-", "a"], "import sys\nprint(sys.argv)\n", "['-', 'a']\n", "")
piped("stdin_inspect", ["-q", "-i"], "1+1\nif 1:\n  print('x')\n\nraise ValueError(1)\n",
      "2\nx\n", ">>> >>> ... ... >>> Traceback (most recent call last):\n"
      "  File \"<stdin>\", line 1, in <module>\nValueError: 1\n>>> \n")
piped("inspect_after_exit", ["-i", "-c", "import sys; sys.exit(3)"], "",
      "", "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\n"
      "SystemExit: 3\n>>> \n")
