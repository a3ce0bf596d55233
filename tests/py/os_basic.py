# os and os.path from CPython's own sources, over the posix module.
import os
import os.path

base = "/tmp/stmpy_os_basic_%d" % os.getpid()
print(os.name, os.sep, os.pathsep, os.linesep == "\n", os.curdir, os.pardir)
print(os.path is os.path, os.path.__name__)

os.makedirs(base + "/a/b", exist_ok=True)
os.makedirs(base + "/a/b", exist_ok=True)
try:
    os.makedirs(base + "/a/b")
except FileExistsError as e:
    print("FileExistsError", e.errno, e.filename == base + "/a/b")

with open(base + "/a/f.txt", "w") as f:
    f.write("hello\n")
print(sorted(os.listdir(base + "/a")))
print(sorted(os.listdir(os.fsencode(base + "/a"))))

st = os.stat(base + "/a/f.txt")
print(st.st_size, st[6], len(st), type(st).__name__, oct(st.st_mode & 0o170000))
print(isinstance(st.st_mtime, float), isinstance(st.st_mtime_ns, int), isinstance(st[8], int))
print(os.path.getsize(base + "/a/f.txt"), os.path.isfile(base + "/a/f.txt"),
      os.path.isdir(base + "/a"), os.path.exists(base + "/nope"))

entries = sorted(os.scandir(base + "/a"), key=lambda e: e.name)
for e in entries:
    print(repr(e), e.name, e.path == os.path.join(base, "a", e.name), e.is_dir(), e.is_file(),
          e.is_symlink(), e.stat().st_size if e.is_file() else "-", e.inode() > 0)
with os.scandir(base) as it:
    print([e.name for e in it])

os.symlink(base + "/a/f.txt", base + "/link")
print(os.path.islink(base + "/link"), os.readlink(base + "/link") == base + "/a/f.txt")
print(os.lstat(base + "/link").st_size != os.stat(base + "/link").st_size or True)
os.rename(base + "/a/f.txt", base + "/a/g.txt")
os.replace(base + "/a/g.txt", base + "/a/h.txt")
print(sorted(os.listdir(base + "/a")))
print(os.access(base + "/a/h.txt", os.R_OK), os.access(base + "/zzz", os.F_OK))
os.chmod(base + "/a/h.txt", 0o600)
print(oct(os.stat(base + "/a/h.txt").st_mode & 0o777))
os.utime(base + "/a/h.txt", (1000000000, 1000000000))
print(os.stat(base + "/a/h.txt").st_mtime)

for root, dirs, files in os.walk(base):
    dirs.sort()
    print(root.replace(base, "BASE"), dirs, sorted(files))

try:
    os.remove(base + "/nope")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, str(e).replace(base, "BASE"))
try:
    os.rmdir(base + "/a")
except OSError as e:
    print(type(e).__name__, e.errno)
try:
    os.listdir(base + "/a/h.txt")
except NotADirectoryError as e:
    print("NotADirectoryError", e.errno)

os.remove(base + "/link")
os.unlink(base + "/a/h.txt")
os.rmdir(base + "/a/b")
os.removedirs(base + "/a")
print(os.path.exists(base))

old = os.getcwd()
os.chdir("/tmp")
print(os.getcwd(), os.getcwdb())
os.chdir(old)

os.environ["STMPY_TEST_VAR"] = "value"
print(os.environ["STMPY_TEST_VAR"], os.getenv("STMPY_TEST_VAR"), os.environb[b"STMPY_TEST_VAR"])
del os.environ["STMPY_TEST_VAR"]
print(os.getenv("STMPY_TEST_VAR"), "STMPY_TEST_VAR" in os.environ)
print(os.path.join("a", "b", "c"), os.path.split("/x/y/z.py"), os.path.splitext("z.tar.gz"))
print(os.path.basename("/x/y"), os.path.dirname("/x/y"), os.path.normpath("/a/./b/../c"))
print(os.path.isabs("/x"), os.path.abspath("/x/../y"), os.path.expanduser("~") != "~")
print(os.fspath("p"), os.fspath(b"p"), os.strerror(2))
print(len(os.urandom(16)), type(os.cpu_count()).__name__, type(os.getpid()).__name__)
print(os.getuid() == os.geteuid(), os.getppid() > 0, os.umask(0o22) >= 0)
print(os.SEEK_SET, os.SEEK_CUR, os.SEEK_END, os.O_RDONLY, os.W_OK, os.WNOHANG)
print(os.error is OSError, os.sep in os.getcwd())
