# A blocking recv or accept interrupted by a signal: the handler runs and
# the call goes on (PEP 475), or the handler's exception ends it.
import signal
import socket

a, b = socket.socketpair()
got = []

def handler(signum, frame):
    got.append(signum == signal.SIGALRM)
    a.send(b"from handler")

class Stop(Exception):
    pass

def stop(signum, frame):
    raise Stop("interrupted")

# under a timeout: the wait goes on after the handler
signal.signal(signal.SIGALRM, handler)
b.settimeout(5)
signal.alarm(1)
print(b.recv(100), got)

# blocking: the handler's exception ends the call
signal.signal(signal.SIGALRM, stop)
b.settimeout(None)
signal.alarm(1)
try:
    b.recv(100)
except Stop as e:
    print("Stop", e)

srv = socket.create_server(("127.0.0.1", 0))
signal.alarm(1)
try:
    srv.accept()
except Stop as e:
    print("accept Stop", e)
srv.close()
a.close(); b.close()
signal.signal(signal.SIGALRM, signal.SIG_DFL)
