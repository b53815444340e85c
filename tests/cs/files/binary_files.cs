# Binary files: bytes in and out, read(n), readline, iteration, seek/tell, r+b updates, reprs.
import os
path = f'/tmp/_cs_files_bin_{os.getpid()}.bin'
payload = bytes(range(256)) + b'\nline two\nend'
with open(path, 'wb') as f:
    print(f.write(payload), f.write(bytearray(b'!')), f.mode, repr(f)[:20], f.tell())
with open(path, 'rb') as f:
    data = f.read()
    print(type(data).__name__, len(data), data[:4], data[-4:], data == payload + b'!')
with open(path, 'rb') as f:
    print(f.read(3), f.read(0), f.tell(), f.seek(-5, 2), f.read(), f.read(10), f.read())
    f.seek(250)
    print(f.readline(), f.readline(4), f.readline(), f.readline(), f.readline())
    f.seek(0)
    lines = list(f)
    print(len(lines), lines[-1], f.seek(10), f.seek(5, 1), f.tell())
with open(path, 'r+b') as f:
    f.seek(2)
    f.write(b'XY')
    print(f.read(2), f.tell(), repr(f)[:20], f.mode)
    f.seek(0)
    print(f.read(6))
    print(f.truncate(4), f.seek(0, 2))
with open(path, 'rb') as f:
    print(f.read())
with open(path, 'wb', buffering=0) as f:
    print(f.write(b'raw'), repr(f)[:22], f.mode)
with open(path, 'rb') as f:
    print(f.read(), f.readable(), f.writable(), f.closed)
for action, fn in [("open(path, 'rb').write(b'x')", lambda: open(path, 'rb').write(b'x')),
          ("open(path, 'wb').read()", lambda: open(path, 'wb').read()),
          ("open(path, 'wb').write('s')", lambda: open(path, 'wb').write('s')),
          ("open(path, 'rb').read('a')", lambda: open(path, 'rb').read('a')),
          ("open(path, 'w').write(b'x')", lambda: open(path, 'w').write(b'x')),
          ("open(path).write('x')", lambda: open(path).write('x')),
          ("open(path, 'w').read()", lambda: open(path, 'w').read())]:
    try:
        fn()
    except (OSError, ValueError, TypeError) as e:
        print(action, '->', type(e).__name__ + ':', e)
f = open(path, 'wb')
f.close()
for action, fn in [('f.read()', lambda: f.read()),
          ('f.write(b"x")', lambda: f.write(b"x")),
          ('f.readline()', lambda: f.readline()),
          ('f.seek(0)', lambda: f.seek(0)),
          ('f.tell()', lambda: f.tell()),
          ('next(f)', lambda: next(f))]:
    try:
        fn()
    except ValueError as e:
        print(action, 'ValueError:', e)
print(f.closed, repr(f)[:23])
os.remove(path)
