# compile() of hundreds of standard library files in one process: objects
# of a few KiB (code bytes) in a heap fragmented by the earlier ones.  The
# allocator used to collect forever here instead of taking free memory.
import glob
files = sorted(glob.glob("/usr/lib/python3.11/**/*.py", recursive=True))[:450]
ok = failed = 0
for name in files:
    with open(name, encoding="utf-8", errors="replace") as f:
        source = f.read()
    try:
        compile(source, name, "exec")
        ok += 1
    except SyntaxError:
        failed += 1
print(len(files), ok, failed)
