# socket.sendfile(): file contents from an offset, count limits, argument errors.
import socket, os
path = '/tmp/cs-sendfile-%d' % os.getpid()
with open(path, 'wb') as f:
    f.write(bytes(range(256)) * 100)
a, b = socket.socketpair()
with open(path, 'rb') as f:
    print(a.sendfile(f, 10, 1000), f.tell())
    got = b''
    while len(got) < 1000:
        got += b.recv(4096)
    print(got == (bytes(range(256)) * 100)[10:1010])
    print(a.sendfile(f), f.tell())
    got = b''
    while len(got) < 25600 - 1010:
        got += b.recv(65536)
    print(len(got))
    for args in ((f, 0, 0), (f, 0, 'x')):
        try: a.sendfile(*args)
        except Exception as e: print(type(e).__name__, e)
with open(path) as f:
    try: a.sendfile(f)
    except Exception as e: print(type(e).__name__, e)
os.unlink(path)
