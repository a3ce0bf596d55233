# The socket module's functions without connections: address text and
# byte order conversions, getaddrinfo's shape, exceptions, constants.
import socket
import _socket

print(socket.inet_aton("127.0.0.1"), socket.inet_aton("1.2.3"), socket.inet_ntoa(b"\x7f\0\0\x01"))
print(socket.inet_pton(socket.AF_INET, "10.1.2.3"), socket.inet_ntop(socket.AF_INET, b"\n\1\2\3"))
print(socket.inet_pton(socket.AF_INET6, "::1"))
print(socket.inet_ntop(socket.AF_INET6, b"\x20\x01\x0d\xb8" + b"\0" * 11 + b"\1"))
print(socket.inet_ntop(socket.AF_INET6, bytearray(16)))
for f, args in [(socket.inet_aton, ("1.2.3.400",)), (socket.inet_aton, (b"1.2.3.4",)),
                (socket.inet_ntoa, (b"abc",)), (socket.inet_pton, (socket.AF_INET, "::1")),
                (socket.inet_pton, (socket.AF_INET6, "1.2.3.4")), (socket.inet_pton, (12345, "1.2.3.4")),
                (socket.inet_ntop, (socket.AF_INET, b"abc")), (socket.inet_ntop, (socket.AF_INET6, b"\0" * 4)),
                (socket.inet_ntop, (12345, b"\0" * 4)), (socket.inet_ntoa, ("1234",))]:
    try:
        print(f.__name__, f(*args))
    except (OSError, TypeError, ValueError) as e:
        print(f.__name__, type(e).__name__, e)

print(socket.htons(1), socket.ntohs(0x0102), socket.htonl(1), socket.ntohl(0x01020304))
print(socket.htons(0xffff), socket.htonl(0xffffffff))
for f, v in [(socket.htons, -1), (socket.htons, 0x10000), (socket.ntohs, -5), (socket.htonl, -1),
             (socket.htonl, 1 << 32), (socket.ntohl, 1 << 70), (socket.htonl, 1.5), (socket.htons, 2.0)]:
    try:
        print(f.__name__, f(v))
    except (OverflowError, TypeError) as e:
        print(f.__name__, type(e).__name__, e)

# getaddrinfo: numeric hosts and localhost, offline
print(socket.getaddrinfo("127.0.0.1", 80, type=socket.SOCK_STREAM))
print(_socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_DGRAM))
print(socket.getaddrinfo("localhost", 8080, socket.AF_INET, socket.SOCK_STREAM))
print(socket.getaddrinfo(None, 0, socket.AF_INET, socket.SOCK_STREAM, 0, socket.AI_PASSIVE))
print(socket.getaddrinfo("::1", "443", socket.AF_INET6, socket.SOCK_STREAM))
print(socket.getaddrinfo(b"127.0.0.1", None, socket.AF_INET, socket.SOCK_STREAM))
info = socket.getaddrinfo("127.0.0.1", 80, type=socket.SOCK_STREAM)[0]
print(type(info[0]).__name__, type(info[1]).__name__, info[0], info[1], info[2])
try:
    socket.getaddrinfo("not-a-number", 80, flags=socket.AI_NUMERICHOST)
except socket.gaierror as e:
    print("gaierror", e.errno == socket.EAI_NONAME, e.args[1], str(e) == "[Errno %d] %s" % e.args)
try:
    socket.getaddrinfo("127.0.0.1", 80, family=12345)
except socket.gaierror as e:
    print("gaierror", e.errno == socket.EAI_FAMILY, e.strerror)
try:
    socket.getaddrinfo(1234, 80)
except TypeError as e:
    print("TypeError", e)
try:
    socket.getaddrinfo("127.0.0.1", 1.5)
except OSError as e:
    print("OSError", e)

print(socket.getnameinfo(("127.0.0.1", 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
print(socket.getnameinfo(("::1", 22, 0, 0), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
try:
    socket.getnameinfo("127.0.0.1", 0)
except TypeError as e:
    print("TypeError", e)
print(type(socket.gethostname()).__name__, socket.gethostname() != "")
print(socket.gethostbyname("127.0.0.1"), socket.gethostbyname("localhost"))

# exceptions
print(socket.error is OSError, socket.timeout is TimeoutError, _socket.timeout is TimeoutError)
print(socket.gaierror.__mro__)
print(socket.herror.__mro__)
print(socket.gaierror.__module__, socket.gaierror.__name__)
e = socket.gaierror(-2, "Name or service not known")
print(e, e.errno, e.strerror)
print(socket.herror("no host"))

# default timeout
print(socket.getdefaulttimeout())
socket.setdefaulttimeout(2.5)
s = socket.socket()
print(socket.getdefaulttimeout(), s.gettimeout(), s.getblocking(), s.timeout)
s.close()
socket.setdefaulttimeout(None)
s = socket.socket()
print(s.gettimeout(), s.timeout)
s.settimeout(3)
print(s.gettimeout())
for bad in (-1, "x"):
    try:
        s.settimeout(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
s.close()
try:
    socket.setdefaulttimeout(-0.5)
except ValueError as e:
    print("ValueError", e)

# constants and enums
print(socket.AF_INET, socket.AF_INET6, socket.AF_UNIX, socket.SOCK_STREAM, socket.SOCK_DGRAM)
print(repr(socket.AF_INET), repr(socket.SOCK_DGRAM), repr(socket.SOCK_NONBLOCK))
print(socket.SOL_SOCKET, socket.SO_REUSEADDR, socket.SO_ERROR, socket.IPPROTO_TCP, socket.TCP_NODELAY)
print(socket.SHUT_RD, socket.SHUT_WR, socket.SHUT_RDWR, socket.SOMAXCONN > 0)
print(socket.AI_PASSIVE, socket.NI_NUMERICHOST, socket.MSG_PEEK, socket.SCM_RIGHTS)
print(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, socket.SO_REUSEPORT, socket.has_ipv6)
print(socket.CMSG_LEN(4), socket.CMSG_SPACE(4))
print(socket.SocketType is _socket.socket, issubclass(socket.socket, _socket.socket))
print(sorted(n for n in ("socketpair", "getaddrinfo", "inet_pton", "dup", "close", "CMSG_LEN")
             if n in socket.__all__))

# sockets made from a descriptor take their family and type from it
a, b = socket.socketpair()
c = socket.socket(fileno=socket.dup(a.fileno()))
print(c.family, c.type, c.proto)
f = socket.fromfd(b.fileno(), socket.AF_UNIX, socket.SOCK_STREAM)
print(type(f).__name__, f.family)
for s in (a, b, c, f):
    s.close()
try:
    socket.socket(fileno=-3)
except ValueError as e:
    print("ValueError", e)
try:
    socket.socket(12345, socket.SOCK_STREAM)
except OSError as e:
    print(type(e).__name__, e)

# host entries of numeric addresses
print(socket.gethostbyname_ex("127.0.0.1"))
name, aliases, addrs = socket.gethostbyaddr("127.0.0.1")
print(type(name).__name__, type(aliases).__name__, addrs)
print(type(socket.getfqdn("127.0.0.1")).__name__)
