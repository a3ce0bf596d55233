# os.path: join/split/splitext/basename/dirname/normpath/relpath/
# commonpath/commonprefix/expanduser-free pure functions, plus isfile/
# isdir/exists/getsize on a temporary directory the test creates.
import os
import os.path as p
import tempfile

for parts in [("a", "b"), ("/a", "b", "/c"), ("a/", "b"), ("", "x"), ("a", ""), ("/", "")]:
    print(parts, p.join(*parts))
for path in ["/a/b/c.txt", "a/b/", "c.tar.gz", ".bashrc", "/", "", "a", "dir/.hidden", "x/y.z/w", "//double"]:
    print(repr(path), p.split(path), p.splitext(path), p.basename(path), p.dirname(path), p.isabs(path))
for path in ["a//b", "a/./b", "a/../b", "/../x", "../../a", "./", "", "/a/b/../../..", "a/b/c/../../d/."]:
    print(repr(path), repr(p.normpath(path)))
print(p.relpath("/a/b/c", "/a"), p.relpath("/a", "/a/b/c"), p.relpath("/x/y", "/x/y"), p.relpath("a/b", "a/c"))
print(p.commonpath(["/usr/lib", "/usr/local/lib"]), p.commonpath(["a/b", "a/c"]), p.commonprefix(["interview", "internet"]))
try:
    p.commonpath(["/abs", "rel"])
except ValueError as e:
    print(type(e).__name__, e)
try:
    p.commonpath([])
except ValueError as e:
    print(type(e).__name__, e)
print(p.splitdrive("/a/b"), p.normcase("AbC"), p.sep, p.extsep, p.pardir, p.curdir, os.sep)
print(p.join(b"a", b"b"), p.split(b"/x/y"), p.splitext(b"f.py"))
try:
    p.join("a", b"b")
except TypeError as e:
    print(type(e).__name__, e)

with tempfile.TemporaryDirectory() as tmp:
    f = p.join(tmp, "file.txt")
    with open(f, "w") as fh:
        fh.write("12345")
    sub = p.join(tmp, "sub")
    os.mkdir(sub)
    print(p.exists(f), p.isfile(f), p.isdir(f), p.getsize(f), p.isdir(sub), p.exists(p.join(tmp, "nope")))
    print(p.islink(f), p.ismount("/"), p.isabs(tmp), p.samefile(f, p.join(sub, "..", "file.txt")))
    print(sorted(os.listdir(tmp)), p.basename(p.realpath(f)), p.abspath(".") == os.getcwd())
    os.symlink(f, p.join(tmp, "link"))
    print(p.islink(p.join(tmp, "link")), p.lexists(p.join(tmp, "link")), os.readlink(p.join(tmp, "link")) == f)
    os.remove(f)
    print(p.exists(p.join(tmp, "link")), p.lexists(p.join(tmp, "link")))
    try:
        p.getsize(f)
    except FileNotFoundError as e:
        print(type(e).__name__, e.errno, e.strerror)
    for root, dirs, files in os.walk(tmp):
        print(p.relpath(root, tmp), sorted(dirs), sorted(files))
print(p.expanduser("no-tilde"), p.expandvars("$NO_SUCH_VAR_X/x"), p.join("a", p.sep.join(["b", "c"])))
