# AF_UNIX sockets bound to paths in a temporary directory: stream and
# datagram, addresses as str and bytes, abstract names, errors.
import os
import socket
import tempfile
import threading

d = tempfile.mkdtemp()
path = os.path.join(d, "srv.sock")
srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
srv.bind(path)
srv.listen(1)
print(srv.getsockname() == path, os.path.exists(path), srv.family)

def client():
    c = socket.socket(socket.AF_UNIX)
    c.connect(path)
    with c.makefile("rwb") as f:
        f.write(b"GET one\n")
        f.flush()
        reply.append(f.readline())
    c.close()

reply = []
t = threading.Thread(target=client)
t.start()
conn, addr = srv.accept()
print(repr(addr), conn.getsockname() == path)
f = conn.makefile("rwb")
line = f.readline()
print(line)
f.write(line.upper())
f.flush()
f.close()
t.join()
conn.close()
print(reply)
srv.close()

# binding an existing path fails
s = socket.socket(socket.AF_UNIX)
try:
    s.bind(path)
except OSError as e:
    print(type(e).__name__, e.errno, e)
s.close()
os.unlink(path)

# connecting to nothing
s = socket.socket(socket.AF_UNIX)
try:
    s.connect(os.path.join(d, "missing"))
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e)
try:
    s.connect("x" * 200)
except OSError as e:
    print(type(e).__name__, e)
try:
    s.connect(42)
except TypeError as e:
    print("TypeError", e)
s.close()

# datagrams between two bound paths, the path given as bytes
p1, p2 = os.path.join(d, "a"), os.fsencode(os.path.join(d, "b"))
a = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
b = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
a.bind(p1)
b.bind(p2)
print(b.getsockname() == os.fsdecode(p2))
a.sendto(b"dgram", p2)
data, src = b.recvfrom(100)
print(data, src == p1)
# an unbound sender has an empty address
c = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
c.sendto(b"anon", p1)
print(a.recvfrom(100))
a.close(); b.close(); c.close()

# Linux abstract names
name = b"\0stmpy-test-%d" % os.getpid()
a = socket.socket(socket.AF_UNIX)
a.bind(name)
print(a.getsockname() == name)
a.close()

for n in os.listdir(d):
    os.unlink(os.path.join(d, n))
os.rmdir(d)
print("done")
