# os: pipes and file descriptors: read, write, close, dup, dup2, open, lseek, fstat.
import os

r, w = os.pipe()
print(type(r).__name__, r != w)
print(os.write(w, b'hello '), os.write(w, bytearray(b'pipe')))
print(os.read(r, 6), os.read(r, 100))
print(os.isatty(r), os.get_inheritable(r))
w2 = os.dup(w)
os.write(w2, b'dup')
print(os.read(r, 3))
os.close(w2)
os.close(w)
print(os.read(r, 10))
os.close(r)

path = '/tmp/cs_native_fd_%d' % os.getpid()
fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
print(os.write(fd, b'0123456789'))
os.close(fd)
fd = os.open(path, os.O_RDONLY)
print(os.fstat(fd).st_size, os.lseek(fd, 4, os.SEEK_SET), os.read(fd, 3))
print(os.lseek(fd, -2, os.SEEK_END), os.read(fd, 10), os.read(fd, 10))
fd2 = os.dup2(fd, 99)
print(fd2, os.lseek(99, 0, os.SEEK_CUR))
os.close(99)
os.close(fd)
os.remove(path)

def show(f, *args):
    try:
        print(repr(f(*args)))
    except OSError as e:
        print(type(e).__name__ + ':', e)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)

show(os.read, 987, 10)
show(os.write, 987, b'x')
show(os.close, 987)
show(os.dup, 987)
show(os.read, 0, -1)
show(os.write, 1, 'text')
show(os.read, 0)
show(os.lseek, 987, 0, 0)
show(os.fstat, 987)
