# TCP over 127.0.0.1: a listener on port 0, a client thread, sendall of
# 1 MB, timeouts, refused connections, non-blocking connect, options.
import errno
import hashlib
import select
import socket
import threading

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print(srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
srv.bind(("127.0.0.1", 0))
srv.listen()
host, port = srv.getsockname()
print(host, 0 < port < 65536, srv.family, srv.type)
print(repr(srv).startswith("<socket.socket fd="), "laddr=('127.0.0.1'," in repr(srv))

DATA = bytes(range(256)) * 4096      # 1 MB
results = {}

def client():
    with socket.create_connection(("127.0.0.1", port)) as c:
        c.sendall(DATA)
        c.shutdown(socket.SHUT_WR)
        chunks = []
        while True:
            b = c.recv(65536)
            if not b:
                break
            chunks.append(b)
        results["reply"] = b"".join(chunks)

t = threading.Thread(target=client)
t.start()
conn, addr = srv.accept()
print(type(conn).__name__, addr[0], addr[1] != port, conn.gettimeout())
print(conn.getpeername() == addr, conn.getsockname() == ("127.0.0.1", port))
got = bytearray()
while True:
    b = conn.recv(100000)
    if not b:
        break
    got += b
print(len(got), hashlib.sha256(got).hexdigest() == hashlib.sha256(DATA).hexdigest())
conn.sendall(b"received %d" % len(got))
conn.close()
t.join()
print(results["reply"])

# accept and recv under a timeout
srv.settimeout(0.1)
print(srv.gettimeout(), srv.getblocking())
try:
    srv.accept()
except TimeoutError as e:
    print("TimeoutError", e, e.errno, type(e) is socket.timeout)
srv.settimeout(None)

c = socket.socket()
c.connect(("127.0.0.1", port))
s, _ = srv.accept()
s.settimeout(0.05)
try:
    s.recv(10)
except socket.timeout as e:
    print("timeout", e)
c.send(b"late")
print(s.recv(10))
s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
print(s.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0)
print(len(s.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4)))
c.close(); s.close()

# the same port twice
other = socket.socket()
try:
    other.bind(("127.0.0.1", port))
except OSError as e:
    print(type(e).__name__, e.errno == errno.EADDRINUSE, e)
other.close()

# a closed port: refused
srv.close()
c = socket.socket()
try:
    c.connect(("127.0.0.1", port))
except ConnectionRefusedError as e:
    print("ConnectionRefusedError", e.errno, e)
c.close()
c = socket.socket()
print(c.connect_ex(("127.0.0.1", port)) == errno.ECONNREFUSED)
c.close()
try:
    socket.create_connection(("127.0.0.1", port), timeout=1)
except OSError as e:
    print(type(e).__name__, e)

# a non-blocking connect, then select for writability
srv = socket.create_server(("127.0.0.1", 0))
port = srv.getsockname()[1]
c = socket.socket(socket.AF_INET, socket.SOCK_STREAM | socket.SOCK_NONBLOCK)
print(c.type, c.gettimeout())
r = c.connect_ex(("127.0.0.1", port))
print(r in (0, errno.EINPROGRESS))
_, w, _ = select.select([], [c], [], 5)
print(w == [c], c.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR))
s, _ = srv.accept()
c.setblocking(True)
c.sendall(b"ping")
print(s.recv(4))
s.close(); c.close(); srv.close()

# a connect with a timeout that succeeds
srv = socket.create_server(("127.0.0.1", 0))
c = socket.create_connection(srv.getsockname(), timeout=2)
print(c.gettimeout())
s, _ = srv.accept()
print(s.gettimeout())
c.close(); s.close(); srv.close()

# address errors
c = socket.socket()
for bad in [("127.0.0.1", 70000), ("127.0.0.1",), "127.0.0.1", (1, 2), ("127.0.0.1", -1)]:
    try:
        c.bind(bad)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
c.close()
print(repr(c))
