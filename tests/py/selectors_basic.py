# selectors.DefaultSelector over a socketpair: registration, readiness,
# modify, unregister, timeouts.
import selectors
import socket

sel = selectors.DefaultSelector()
print(type(sel).__name__)
a, b = socket.socketpair()
a.setblocking(False)
b.setblocking(False)
key = sel.register(a, selectors.EVENT_READ, data="a-reader")
print(key.fd == a.fileno(), key.events, key.data)
print(sel.select(timeout=0))
b.send(b"wake")
events = sel.select(timeout=1)
print([(k.data, mask) for k, mask in events])
print(a.recv(10))
print(sel.select(timeout=0.01))
sel.modify(a, selectors.EVENT_READ | selectors.EVENT_WRITE, data="both")
events = sel.select(timeout=1)
print([(k.data, mask) for k, mask in events])
sel.register(b, selectors.EVENT_WRITE)
print(sorted(k.fileobj is a for k in sel.get_map().values()))
print(len(sel.select(timeout=1)))
sel.unregister(b)
try:
    sel.register(a, selectors.EVENT_READ)
except KeyError as e:
    print("KeyError", e.args[0].startswith("<socket.socket"))
try:
    sel.get_key(b)
except KeyError as e:
    print("KeyError", e.args[0].endswith("is not registered"))
sel.close()

# echo loop between the two ends driven by a selector
sel = selectors.DefaultSelector()
sel.register(a, selectors.EVENT_READ, "a")
sel.register(b, selectors.EVENT_READ, "b")
b.send(b"1")
log = []
while len(log) < 6:
    for key, mask in sel.select(timeout=1):
        n = int(key.fileobj.recv(10))
        log.append((key.data, n))
        key.fileobj.send(str(n + 1).encode())
print(log)
sel.close()
a.close(); b.close()

for cls in ("SelectSelector", "PollSelector", "EpollSelector"):
    s = getattr(selectors, cls)()
    x, y = socket.socketpair()
    s.register(x, selectors.EVENT_READ)
    y.send(b"!")
    print(cls, [(k.fileobj is x, m) for k, m in s.select(1)])
    s.close(); x.close(); y.close()
