# os functions on a private temporary directory: makedirs/exist_ok,
# listdir/scandir sorted, stat fields, rename/replace, remove/rmdir errors
# with errno, walk top-down/bottom-up, environ access, getcwd/chdir round
# trip, path-like objects, and file descriptors with os.open/os.read.
import os
import stat
import tempfile
import errno

base = tempfile.mkdtemp(prefix="stmpy_os_")
def rel(p):
    return os.path.relpath(p, base)
os.makedirs(os.path.join(base, "a", "b", "c"))
os.makedirs(os.path.join(base, "a", "b"), exist_ok=True)
try:
    os.makedirs(os.path.join(base, "a"))
except FileExistsError as e:
    print(type(e).__name__, e.errno == errno.EEXIST)
for name, content in [("a/x.txt", "hello"), ("a/b/y.txt", "world!"), ("z.bin", "")]:
    with open(os.path.join(base, name), "w") as f:
        f.write(content)
print(sorted(os.listdir(base)), sorted(os.listdir(os.path.join(base, "a"))))
entries = sorted((e.name, e.is_dir(), e.is_file()) for e in os.scandir(os.path.join(base, "a")))
print(entries)
st = os.stat(os.path.join(base, "a", "x.txt"))
print(st.st_size, stat.S_ISREG(st.st_mode), stat.S_ISDIR(os.stat(base).st_mode), type(st.st_mtime).__name__, st[stat.ST_SIZE])
os.rename(os.path.join(base, "z.bin"), os.path.join(base, "renamed.bin"))
os.replace(os.path.join(base, "renamed.bin"), os.path.join(base, "a", "x.txt"))
print(sorted(os.listdir(base)), os.path.getsize(os.path.join(base, "a", "x.txt")))
for fn, args in [(os.remove, ("missing",)), (os.rmdir, ("a",)), (os.listdir, ("nope",)), (os.rename, ("nope", "x")),
                 (os.stat, ("nope",)), (os.mkdir, ("a",))]:
    try:
        fn(*[os.path.join(base, a) for a in args])
    except OSError as e:
        print(fn.__name__, type(e).__name__, errno.errorcode[e.errno], e.strerror, rel(e.filename))
print([(rel(r), sorted(d), sorted(f)) for r, d, f in os.walk(base)])
print([rel(r) for r, d, f in os.walk(base, topdown=False)])
old = os.getcwd()
os.chdir(base)
print(os.getcwd() == os.path.realpath(base), sorted(os.listdir(".")))
os.chdir(old)
print(os.getcwd() == old)
class PathLike:
    def __fspath__(self):
        return os.path.join(base, "a")
print(sorted(os.listdir(PathLike())), os.fspath(PathLike()) == os.path.join(base, "a"), os.fspath("s"), os.fspath(b"b"))
try:
    os.fspath(5)
except TypeError as e:
    print(type(e).__name__, e)
fd = os.open(os.path.join(base, "fd.txt"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
print(os.write(fd, b"raw bytes"), type(fd).__name__)
os.close(fd)
fd = os.open(os.path.join(base, "fd.txt"), os.O_RDONLY)
print(os.read(fd, 3), os.lseek(fd, 0, os.SEEK_END), os.read(fd, 10))
os.close(fd)
try:
    os.close(fd)
except OSError as e:
    print(type(e).__name__, errno.errorcode[e.errno])
os.environ["STMPY_TEST_VAR"] = "value"
print(os.environ["STMPY_TEST_VAR"], os.getenv("STMPY_TEST_VAR"), os.environ.get("STMPY_MISSING", "dflt"), "STMPY_TEST_VAR" in os.environ)
del os.environ["STMPY_TEST_VAR"]
print(os.getenv("STMPY_TEST_VAR"), os.getenv("STMPY_MISSING", 5))
try:
    os.environ["STMPY_MISSING"]
except KeyError as e:
    print(type(e).__name__, e)
for root, dirs, files in os.walk(base, topdown=False):
    for f in files:
        os.remove(os.path.join(root, f))
    for d in dirs:
        os.rmdir(os.path.join(root, d))
os.rmdir(base)
print(os.path.exists(base), os.sep, os.curdir, os.name, os.linesep == "\n", isinstance(os.getpid(), int))
