# Decoding errors of text files: strict reports the bad byte, errors='replace' and 'ignore' recover.
import os
p = '/tmp/_cs_files_dec_' + str(os.getpid()) + '.bin'
with open(p, 'wb') as f:
    f.write(b'ok\n\xff\xfebad\n\xe2\x98')
with open(p) as f:
    try:
        f.readline()
    except UnicodeDecodeError as e:
        print('UnicodeDecodeError:', e)
with open(p, errors='replace') as f:
    print(repr(f.read()))
with open(p, errors='ignore') as f:
    print(f.readlines())
with open(p, encoding='utf-8') as f:
    try:
        f.read()
    except UnicodeDecodeError as e:
        print('UnicodeDecodeError:', e)
os.remove(p)
