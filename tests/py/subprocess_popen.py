# Popen: pipes both ways, communicate, wait, poll, signals, pass_fds.
import os
import signal
import subprocess
import sys

p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out, err = p.communicate(input=b"line\n" * 3)
print(out, err, p.returncode)

# A large input through both pipes at once needs the selector loop.
data = b"".join(b"%05d\n" % i for i in range(40000))
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
out, err = p.communicate(data)
print(len(out), out == data, err, p.returncode)

p = subprocess.Popen(["sh", "-c", "read x; echo got $x; echo oops >&2; exit 9"],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                     text=True)
out, err = p.communicate("value\n")
print(repr(out), repr(err), p.returncode)

with subprocess.Popen(["sh", "-c", "echo one; echo two"], stdout=subprocess.PIPE,
                      text=True) as p:
    for line in p.stdout:
        print("line:", line.rstrip())
print("after with:", p.returncode)

p = subprocess.Popen(["sleep", "10"])
print("poll while running:", p.poll())
p.terminate()
print("terminated:", p.wait(), -signal.SIGTERM)
p = subprocess.Popen(["sleep", "10"])
p.kill()
print("killed:", p.wait())
p = subprocess.Popen(["sleep", "10"])
try:
    p.wait(timeout=0.1)
except subprocess.TimeoutExpired as e:
    print("wait timeout:", e.cmd)
p.send_signal(signal.SIGINT)
print("SIGINT:", p.wait())

p = subprocess.Popen(["sh", "-c", "exit 0"], stdout=subprocess.PIPE)
p.wait()
print("read after exit:", p.stdout.read())
p.stdout.close()

# A pipe of ours handed to the child by pass_fds.
r, w = os.pipe()
p = subprocess.Popen(["sh", "-c", "echo through the fd >&%d" % w], pass_fds=(w,))
p.wait()
os.close(w)
print(os.read(r, 100))
os.close(r)
# Without pass_fds the child does not get it.
r, w = os.pipe()
p = subprocess.Popen(["sh", "-c", "echo x >&%d" % w], stderr=subprocess.DEVNULL)
print("not passed:", p.wait() != 0)
os.close(w)
os.close(r)

# stdout of one process into the stdin of another.
p1 = subprocess.Popen(["printf", "b\\na\\nc\\n"], stdout=subprocess.PIPE)
p2 = subprocess.Popen(["sort"], stdin=p1.stdout, stdout=subprocess.PIPE)
p1.stdout.close()
print(p2.communicate()[0], p1.wait(), p2.returncode)

p = subprocess.Popen(["echo", "to file"], stdout=open("/tmp/stmpy_sp_%d" % os.getpid(), "w"))
p.wait()
with open("/tmp/stmpy_sp_%d" % os.getpid()) as f:
    print(f.read(), end="")
os.unlink("/tmp/stmpy_sp_%d" % os.getpid())

p = subprocess.Popen(["true"], executable="/bin/echo", stdout=subprocess.PIPE)
print("executable:", p.communicate()[0])
p = subprocess.Popen(["sh", "-c", "echo $0 $1", "zero", "one"], stdout=subprocess.PIPE)
print(p.communicate()[0])
print(p.args)
try:
    subprocess.Popen(["true"], pass_fds=(-1,))
except ValueError as e:
    print("ValueError", e)
import _posixsubprocess
try:
    _posixsubprocess.fork_exec()
except TypeError as e:
    print("TypeError", e)
