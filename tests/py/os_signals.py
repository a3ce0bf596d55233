# Signal handlers through _signal (signal.py's core): they run in the main
# thread between instructions, and SIGINT's default raises KeyboardInterrupt.
import _signal, posix

got = []
def handler(sig, frame):
    got.append(sig)

print(_signal.getsignal(_signal.SIGUSR1) == _signal.SIG_DFL)
old = _signal.signal(_signal.SIGUSR1, handler)
print(old == _signal.SIG_DFL, _signal.getsignal(_signal.SIGUSR1) is handler)
posix.kill(posix.getpid(), _signal.SIGUSR1)
for i in range(1000):
    pass
print(got)
_signal.signal(_signal.SIGUSR1, _signal.SIG_IGN)
posix.kill(posix.getpid(), _signal.SIGUSR1)
print(got, _signal.getsignal(_signal.SIGUSR1) == _signal.SIG_IGN)
# Set explicitly: a shell running us in the background ignores SIGINT.
_signal.signal(_signal.SIGINT, _signal.default_int_handler)
try:
    posix.kill(posix.getpid(), _signal.SIGINT)
    for i in range(1000):
        pass
except KeyboardInterrupt:
    print("KeyboardInterrupt")
def raising(sig, frame):
    raise RuntimeError("from handler %d" % sig)
_signal.signal(_signal.SIGUSR2, raising)
try:
    _signal.raise_signal(_signal.SIGUSR2)
    for i in range(1000):
        pass
except RuntimeError as e:
    print(e)
try:
    _signal.signal(_signal.SIGUSR1, 42)
except TypeError as e:
    print(e)
print(_signal.SIGTERM, _signal.NSIG > 32, _signal.strsignal(_signal.SIGTERM))
