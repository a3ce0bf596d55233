# socketpair: send/recv, makefile lines, shutdown, close and the errors
# CPython gives for them.
import socket

a, b = socket.socketpair()
print(type(a).__name__, a.family, a.type, a.proto)
print(a.family == socket.AF_UNIX, a.type == socket.SOCK_STREAM)
print(a.gettimeout(), a.getblocking())
print(a.send(b"hello"), b.recv(100))
a.sendall(b"x" * 10)
print(b.recv(4), b.recv(100))
print(a.getsockname() == '', b.getpeername() == '')

# recv_into, into bytearray and memoryview, with nbytes
buf = bytearray(8)
a.send(b"abcdefgh")
print(b.recv_into(buf, 3), buf)
print(b.recv_into(memoryview(buf)[3:]), buf)
try:
    b.recv_into(bytearray(2), 5)
except ValueError as e:
    print("ValueError", e)
try:
    b.recv(-1)
except ValueError as e:
    print("ValueError", e)
try:
    b.recv_into(b"abc")
except TypeError as e:
    print("TypeError", e)
try:
    a.send("text")
except TypeError as e:
    print("TypeError", e)

# makefile: text lines both ways
w = a.makefile("w", encoding="utf-8")
r = b.makefile("r", encoding="utf-8")
w.write("line one\nline two\n")
w.write("été\n")
w.flush()
print(repr(r.readline()), repr(r.readline()), repr(r.readline()))
wb = b.makefile("wb")
rb = a.makefile("rb")
wb.write(b"bin\nary\n")
wb.flush()
print(rb.readline(), rb.read(4))
w.close(); r.close(); wb.close(); rb.close()

# shutdown: the peer reads EOF
a.shutdown(socket.SHUT_WR)
print(b.recv(10))
try:
    a.send(b"more")
except BrokenPipeError as e:
    print("BrokenPipeError", e.errno, e)
b.send(b"back")
print(a.recv(10))

# non-blocking recv with nothing to read
print(b.recv(10))
c, d = socket.socketpair()
b, keep = d, b
b.setblocking(False)
print(b.gettimeout(), b.getblocking())
try:
    b.recv(10)
except BlockingIOError as e:
    print("BlockingIOError", e.errno, e)
b.settimeout(0.05)
try:
    b.recv(10)
except socket.timeout as e:
    print("timeout", type(e).__name__, e, isinstance(e, OSError))

# close, then use
a.close()
a.close()
print(a.fileno(), a._closed)
print(repr(a))
try:
    a.recv(1)
except OSError as e:
    print(type(e).__name__, e.errno, e)
try:
    a.fileno() ; a.send(b"x")
except OSError as e:
    print(type(e).__name__, e)
# the peer sees EOF after close
c.close()
b.settimeout(None)
print(b.recv(10))
b = keep
fd = b.detach()
print(b.fileno(), fd >= 0)
socket.close(fd)
try:
    socket.close(fd)
except OSError as e:
    print(type(e).__name__, e)

# with statement and dup
x, y = socket.socketpair()
with x, y:
    z = x.dup()
    print(z.fileno() != x.fileno(), z.family == x.family)
    z.send(b"via dup")
    print(y.recv(20))
    z.close()
print(x._closed, y._closed)

# datagram pair
p, q = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
print(p.type)
p.send(b"one"); p.send(b"two")
print(q.recv(1), q.recv(10))
p.close(); q.close()

# _socket.socket itself
import _socket
s1, s2 = _socket.socketpair()
print(type(s1), repr(s1).startswith("<socket object, fd="), repr(s1).endswith("family=1, type=1, proto=0>"))
s1.close(); s2.close()
print(repr(s1))
