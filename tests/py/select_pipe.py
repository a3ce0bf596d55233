# select.select, poll and epoll over pipes, and selectors on top of them.
import os
import select
import selectors

r, w = os.pipe()
print(select.select([r], [w], [], 0) == ([], [w], []))
os.write(w, b"data")
print(select.select([r], [], [], 0)[0] == [r])
print(select.select([r], [], [], None)[0] == [r])


class F:
    def __init__(self, fd):
        self.fd = fd

    def fileno(self):
        return self.fd


fr = F(r)
print(select.select([fr], [], [], 0.0)[0][0] is fr)
print(select.select((), (), (), 0.01))

p = select.poll()
p.register(r, select.POLLIN)
p.register(w, select.POLLOUT)
print(sorted(p.poll(0)) == sorted([(r, select.POLLIN), (w, select.POLLOUT)]))
p.modify(w, select.POLLIN)
print(p.poll(0) == [(r, select.POLLIN)])
p.unregister(w)
print(os.read(r, 10))
print(p.poll(0), p.poll(1.5))
p.register(F(r))
print(p.poll(10))

e = select.epoll()
print(e.closed, type(e.fileno()).__name__)
e.register(r, select.EPOLLIN)
e.register(w, select.EPOLLOUT)
print(e.poll(0) == [(w, select.EPOLLOUT)])
os.write(w, b"x")
print(sorted(e.poll(0.1)) == sorted([(r, select.EPOLLIN), (w, select.EPOLLOUT)]))
e.modify(w, select.EPOLLIN)
print(e.poll(timeout=0, maxevents=5) == [(r, select.EPOLLIN)])
e.unregister(w)
print(len(e.poll(-1)))
with select.epoll() as e2:
    print(e2.closed)
print(e2.closed)
e.close()
e.close()
print(e.closed)

for f, args in [(select.select, ([], [], [], -1)), (select.select, ([], [], [], "x")),
                (select.select, ([-1], [], [])), (select.select, (["a"], [], [], 0)),
                (select.select, (5, [], [], 0)), (select.select, ([], [])),
                (p.poll, ("x",)), (p.unregister, (99,)), (p.modify, (99, 1)),
                (p.register, (-1,)), (e.poll, ()), (e.fileno, ()),
                (select.epoll().poll, (1, 0)), (select.epoll().unregister, (99,))]:
    try:
        f(*args)
        print("no error")
    except Exception as ex:
        print(type(ex).__name__, ex)
e3 = select.epoll()
e3.register(r)
try:
    e3.register(r)
except FileExistsError as ex:
    print("FileExistsError", ex)
e3.close()
print(select.error is OSError, select.POLLIN, select.EPOLLIN, select.POLLOUT)

sel = selectors.DefaultSelector()
print(type(sel).__name__)
sel.register(r, selectors.EVENT_READ, "reader")
print([(k.fd == r, k.events, k.data, ev) for k, ev in sel.select(0)])
os.write(w, b"more")
events = sel.select(1)
print([(k.fd == r, k.data, ev) for k, ev in events])
sel.unregister(r)
sel.close()
for cls in (selectors.SelectSelector, selectors.PollSelector, selectors.EpollSelector):
    s = cls()
    s.register(r, selectors.EVENT_READ, cls.__name__)
    print([(k.data, ev) for k, ev in s.select(0.5)])
    s.close()
os.close(r)
os.close(w)
