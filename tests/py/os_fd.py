# File descriptors, pipes and processes through os.
import os

path = "/tmp/stmpy_os_fd_%d" % os.getpid()
fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
print(os.write(fd, b"hello world\n"), os.write(fd, bytearray(b"more\n")))
os.close(fd)
fd = os.open(path, os.O_RDONLY)
print(os.read(fd, 5), os.lseek(fd, 0, os.SEEK_CUR), os.read(fd, 100), os.read(fd, 10))
print(os.lseek(fd, 6, os.SEEK_SET), os.read(fd, 5), os.fstat(fd).st_size, os.isatty(fd))
fd2 = os.dup(fd)
os.lseek(fd2, 0, os.SEEK_SET)
print(os.read(fd, 5), os.get_inheritable(fd2))
os.close(fd2)
os.close(fd)
try:
    os.close(fd)
except OSError as e:
    print(type(e).__name__, e.errno, e)
fd = os.open(path, os.O_RDWR)
os.ftruncate(fd, 5)
print(os.fstat(fd).st_size)
os.close(fd)
os.truncate(path, 2)
print(os.stat(path).st_size)
try:
    os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
except FileExistsError as e:
    print("FileExistsError", str(e).replace(path, "PATH"))
os.remove(path)

r, w = os.pipe()
os.write(w, b"through the pipe")
os.close(w)
print(os.read(r, 100), os.read(r, 100))
os.close(r)

pid = os.fork()
if pid == 0:
    os._exit(7)
got, status = os.waitpid(pid, 0)
print(got == pid, os.WIFEXITED(status), os.WEXITSTATUS(status), os.waitstatus_to_exitcode(status))
print(os.system("exit 3") >> 8)
