# gzip and zipfile over zlib: in memory and in a temporary directory.
import gzip
import io
import os
import shutil
import zipfile

data = b"".join(b"line %d of the gzip test\n" % i for i in range(2000))
blob = gzip.compress(data, mtime=0)
print(blob[:4].hex(), gzip.decompress(blob) == data)
print(gzip.decompress(gzip.compress(b"")),
      gzip.decompress(blob + gzip.compress(b"second", mtime=0))[-6:])
print(gzip.compress(b"fixed", compresslevel=9, mtime=0).hex())

buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, filename="") as f:
    f.write(b"first part\n")
    f.write(data)
print(len(buf.getvalue()) < len(data))
buf.seek(0)
with gzip.GzipFile(fileobj=buf, mode="rb") as f:
    print(f.readline(), len(f.read()))
buf.seek(0)
with gzip.GzipFile(fileobj=buf) as f:
    f.seek(11 + 100)
    print(f.read(20), f.tell())
    lines = f.readlines()
    print(len(lines), lines[-1])

try:
    gzip.decompress(b"not gzip at all")
except gzip.BadGzipFile as e:
    print("BadGzipFile", e)
try:
    gzip.decompress(blob[:-8])
except EOFError as e:
    print("EOFError", e)

tmp = "/tmp/stmpy_gzip_zip_%d" % os.getpid()
os.mkdir(tmp)
try:
    name = os.path.join(tmp, "t.gz")
    with gzip.open(name, "wt", encoding="utf-8") as f:
        f.write("text mode é\n" * 3)
    with gzip.open(name, "rt", encoding="utf-8") as f:
        print(f.read().splitlines())
    with open(name, "rb") as f:
        print(f.read(2).hex())

    zname = os.path.join(tmp, "a.zip")
    with zipfile.ZipFile(zname, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("hello.txt", "hello zip\n" * 50)
        z.writestr("dir/data.bin", bytes(range(256)) * 10)
        z.writestr(zipfile.ZipInfo("stored.txt", (2020, 1, 2, 3, 4, 6)), b"stored as is",
                   compress_type=zipfile.ZIP_STORED)
        with z.open("streamed.txt", "w") as w:
            w.write(b"written through open()\n")
        src = os.path.join(tmp, "src.txt")
        with open(src, "w") as f:
            f.write("from a file on disk\n")
        z.write(src, "disk.txt")
    print(zipfile.is_zipfile(zname), zipfile.is_zipfile(name))
    with zipfile.ZipFile(zname) as z:
        print(z.namelist())
        for info in z.infolist():
            print(info.filename, info.file_size, info.compress_type, info.CRC)
        print(z.read("hello.txt")[:20], len(z.read("dir/data.bin")), z.read("stored.txt"))
        with z.open("streamed.txt") as r:
            print(r.read())
        print(z.testzip())
        out = os.path.join(tmp, "out")
        z.extractall(out)
    print(sorted(os.listdir(out)), open(os.path.join(out, "disk.txt")).read(), end="")
    with zipfile.ZipFile(zname, "a") as z:
        z.writestr("appended.txt", "more")
    with zipfile.ZipFile(zname) as z:
        print(z.namelist()[-1], z.read("appended.txt"))
    mem = io.BytesIO()
    with zipfile.ZipFile(mem, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("m.txt", "in memory " * 10)
    with zipfile.ZipFile(io.BytesIO(mem.getvalue())) as z:
        print(z.read("m.txt")[:20], z.getinfo("m.txt").compress_size < 100)
    try:
        zipfile.ZipFile(io.BytesIO(b"not a zip"))
    except zipfile.BadZipFile as e:
        print("BadZipFile", e)
    try:
        with zipfile.ZipFile(zname) as z:
            z.read("missing.txt")
    except KeyError as e:
        print("KeyError", e)
finally:
    shutil.rmtree(tmp)
print(os.path.exists(tmp))
