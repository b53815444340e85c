# Append, exclusive-create and update modes; newline translation on read and newline= choices.
import os
path = f'/tmp/_cs_files_append_{os.getpid()}.txt'
with open(path, 'w') as f:
    f.write('one\n')
with open(path, 'a') as f:
    print(f.tell(), f.mode)
    f.write('two\n')
with open(path, 'a+') as f:
    f.write('three\n')
    f.seek(0)
    print(repr(f.read()))
with open(path, 'r+') as f:
    print(repr(f.read(3)))
    f.seek(0)
    f.write('ONE')
    f.seek(0)
    print(repr(f.readline()))
with open(path, 'w+') as f:
    f.write('fresh')
    f.seek(0)
    print(repr(f.read()))
try:
    open(path, 'x')
except FileExistsError as e:
    print('FileExistsError:', e.errno, e.strerror)
os.remove(path)
with open(path, 'x') as f:
    print(f.write('created'), f.mode)
with open(path, 'wb') as f:
    f.write(b'a\r\nb\rc\nd\r\n\r\ne')
with open(path) as f:
    print(repr(f.read()))
with open(path) as f:
    print(f.readlines())
with open(path, newline='') as f:
    print(f.readlines())
with open(path, newline='\n') as f:
    print(f.readlines())
with open(path, newline='\r') as f:
    print(f.readlines())
with open(path, newline='\r\n') as f:
    print(f.readlines())
with open(path, 'w', newline='\r\n') as f:
    f.write('x\ny\n')
with open(path, 'rb') as f:
    print(f.read())
with open(path, 'w', newline='') as f:
    f.write('p\r\nq\n')
with open(path, 'rb') as f:
    print(f.read())
os.remove(path)
