# Text files: write/read, readline/readlines, iteration, tell/seek, with, closed state, reprs.
import os
path = f'/tmp/_cs_files_text_{os.getpid()}.txt'
with open(path, 'w') as f:
    print(f.closed, f.mode, f.encoding, f.name == path, f.writable(), f.readable())
    print(f.write('alpha\n'), f.write('beta\ngamma'), f.write(''), f.write('\ndelta ☃\n'))
    f.writelines(['e1\n', 'e2\n'])
    print('last', 'line', sep='-', file=f)
print(f.closed)
with open(path) as f:
    print(repr(f.read()))
with open(path, 'r') as f:
    print(repr(f.readline()), repr(f.readline()), repr(f.readline(3)), repr(f.readline()))
    print(f.readlines())
    print(repr(f.readline()), repr(f.read()))
with open(path) as f:
    print([line.rstrip('\n') for line in f])
with open(path) as f:
    print(f.readlines(8))
f = open(path)
print(repr(f.read(3)), f.tell(), repr(f.read(4)), f.tell())
print(f.seek(0), repr(f.read(5)), f.seek(0, 2) == os.path.getsize(path), repr(f.read()))
f.seek(6)
print(repr(f.readline()), f.tell())
print(f.seek(0, 1) == f.tell(), f.seekable(), f.isatty(), type(f.fileno()).__name__)
f.close()
f.close()
print(f.closed, repr(f)[:31])
with open(path, encoding='utf-8') as f:
    data = f.read()
print(len(data), data.count('\n'), 'delta ☃' in data)
with open(path, 'rb') as f:
    raw = f.read()
print(len(raw), len(raw) - len(data))
f = open(path)
f.close()
for action, fn in [('f.read()', lambda: f.read()),
          ('f.readline()', lambda: f.readline()),
          ('f.write("x")', lambda: f.write("x")),
          ('f.tell()', lambda: f.tell()),
          ('f.seek(0)', lambda: f.seek(0)),
          ('f.flush()', lambda: f.flush()),
          ('f.fileno()', lambda: f.fileno()),
          ('iter(f)', lambda: iter(f)),
          ('next(f)', lambda: next(f)),
          ('f.readlines()', lambda: f.readlines()),
          ('f.__enter__()', lambda: f.__enter__())]:
    try:
        fn()
    except ValueError as e:
        print(action, 'ValueError:', e)
print(f.closed, f.writable(), f.name == path, f.mode)
os.remove(path)
