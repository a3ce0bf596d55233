# subprocess.run and its friends: capture, text mode, check, errors, timeout.
import os
import subprocess

r = subprocess.run(["echo", "hello", "world"], capture_output=True, text=True)
print(r.returncode, repr(r.stdout), repr(r.stderr))
print(type(r).__name__, r.args)

r = subprocess.run(["sh", "-c", "echo to-out; echo to-err >&2; exit 5"], capture_output=True)
print(r.returncode, r.stdout, r.stderr)
try:
    r.check_returncode()
except subprocess.CalledProcessError as e:
    print("check_returncode:", e)

print(subprocess.check_output(["sh", "-c", "echo a; echo b >&2"], stderr=subprocess.STDOUT))
print(repr(subprocess.check_output("printf 'x\\ny\\n'", shell=True, text=True)))
r = subprocess.run(["cat"], input="fed through stdin\n", capture_output=True, text=True)
print(r.stdout, end="")
print(subprocess.run(["wc", "-c"], input=b"12345", stdout=subprocess.PIPE).stdout.split())

print("call:", subprocess.call(["sh", "-c", "exit 3"]))
print("call devnull:", subprocess.call(["echo", "hidden"], stdout=subprocess.DEVNULL))
try:
    subprocess.check_call(["false"])
except subprocess.CalledProcessError as e:
    print("CalledProcessError", e.returncode, e.cmd, e)
try:
    subprocess.check_output(["sh", "-c", "echo partial; exit 2"])
except subprocess.CalledProcessError as e:
    print("output kept:", e.output, e.stdout)

try:
    subprocess.run(["/nonexistent/program", "x"])
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.filename, e.strerror)
try:
    subprocess.run(["ls"], cwd="/nonexistent/dir")
except FileNotFoundError as e:
    print("cwd:", e)
try:
    subprocess.run(["/etc/passwd"])
except PermissionError as e:
    print("PermissionError", e.errno, e.filename)

try:
    subprocess.run(["sleep", "10"], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired", e.cmd, type(e.timeout).__name__)
try:
    subprocess.check_output(["sh", "-c", "echo early; sleep 10"], timeout=0.5)
except subprocess.TimeoutExpired as e:
    print("timeout output:", e.output)

print("system:", os.system("exit 2") >> 8, os.waitstatus_to_exitcode(os.system("true")))
with os.popen("echo from popen; echo line2") as f:
    print(f.readlines())
f = os.popen("exit 7")
f.read()
print("popen close:", f.close() >> 8)
print(subprocess.getoutput("echo hi; exit 1"), subprocess.getstatusoutput("echo st; exit 4"))

r = subprocess.run("echo $FOO-$BAR", shell=True, stdout=subprocess.PIPE,
                   env={"FOO": "foo", "BAR": "bar", "PATH": os.environ.get("PATH", "/bin")})
print(r.stdout)
r = subprocess.run(["pwd"], cwd="/", capture_output=True, text=True)
print(r.stdout.strip())
r = subprocess.run(["sh", "-c", "kill -9 $$"])
print("killed:", r.returncode)
try:
    subprocess.run(["echo"], input=b"x", stdin=subprocess.PIPE)
except ValueError as e:
    print("ValueError", e)
try:
    subprocess.run(["echo"], capture_output=True, stdout=subprocess.PIPE)
except ValueError as e:
    print("ValueError", e)
