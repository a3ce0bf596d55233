# UDP over 127.0.0.1: sendto/recvfrom, connected datagram sockets,
# recvfrom_into, truncation, timeouts.
import socket

a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
a.bind(("127.0.0.1", 0))
b.bind(("127.0.0.1", 0))
pa, pb = a.getsockname(), b.getsockname()
print(a.type, a.proto, pa[0])
print(a.sendto(b"to b", pb))
data, src = b.recvfrom(100)
print(data, src == pa)
print(b.sendto(b"to a", 0, pa))
buf = bytearray(10)
n, src = a.recvfrom_into(buf)
print(n, buf[:n], src == pb)
# a datagram larger than the buffer is cut
a.sendto(b"0123456789", pb)
print(b.recv(4))
# connected: send and recv
a.connect(pb)
print(a.getpeername() == pb)
a.send(b"connected")
print(b.recvfrom(100)[0])
# nothing to read: timeout, then non-blocking
b.settimeout(0.05)
try:
    b.recvfrom(10)
except TimeoutError as e:
    print("TimeoutError", e)
b.setblocking(False)
try:
    b.recv(10)
except BlockingIOError as e:
    print("BlockingIOError", e.errno)
# recvfrom_into with nbytes
b.setblocking(True)
a.send(b"abcdef")
buf = bytearray(10)
n, src = b.recvfrom_into(buf, 3)
print(n, bytes(buf), src == pa)
try:
    b.recvfrom_into(bytearray(2), 3)
except ValueError as e:
    print("ValueError", e)
try:
    b.recvfrom(-5)
except ValueError as e:
    print("ValueError", e)
try:
    a.sendto(b"x")
except TypeError as e:
    print("TypeError", e)
try:
    a.sendto(b"x", ("127.0.0.1", 99999))
except OverflowError as e:
    print("OverflowError", e)
# broadcast option
a.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
print(a.getsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST))
a.close(); b.close()
