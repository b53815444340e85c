# open() failures: missing files, directories, bad modes and arguments, with CPython's messages.
import os
missing = 'nope_does_not_exist.txt'
try:
    open(missing)
except FileNotFoundError as e:
    print('FileNotFoundError:', e)
    print(e.errno, e.strerror, e.filename, isinstance(e, OSError))
try:
    open('/tmp')
except IsADirectoryError as e:
    print('IsADirectoryError:', e)
try:
    open('/tmp', 'w')
except OSError as e:
    print(type(e).__name__ + ':', e)
try:
    open('/no/such/dir/file.txt', 'w')
except OSError as e:
    print(type(e).__name__ + ':', e)
bad = [("'x', 'z'", lambda: open('x', 'z')),
       ("'x', 'rw'", lambda: open('x', 'rw')),
       ("'x', 'rr'", lambda: open('x', 'rr')),
       ("'x', 'b'", lambda: open('x', 'b')),
       ("'x', 'rbt'", lambda: open('x', 'rbt')),
       ("'x', 'rb', encoding='utf-8'", lambda: open('x', 'rb', encoding='utf-8')),
       ("'x', 'rb', errors='strict'", lambda: open('x', 'rb', errors='strict')),
       ("'x', 'rb', newline=''", lambda: open('x', 'rb', newline='')),
       ("'/dev/null', newline='x'", lambda: open('/dev/null', newline='x')),
       ("'/dev/null', buffering=0", lambda: open('/dev/null', buffering=0)),
       ("'/dev/null', encoding='no-such-codec'", lambda: open('/dev/null', encoding='no-such-codec')),
       ('[]', lambda: open([])),
       ('1.5', lambda: open(1.5)),
       ("'/dev/null', 5", lambda: open('/dev/null', 5)),
       ("'/dev/null', encoding=5", lambda: open('/dev/null', encoding=5)),
       ("'/dev/null', closefd=False", lambda: open('/dev/null', closefd=False)),
       ("'/dev/null', foo=1", lambda: open('/dev/null', foo=1))]
for args, fn in bad:
    try:
        fn()
        print(args, 'opened')
    except (ValueError, TypeError, LookupError) as e:
        print(args, '->', type(e).__name__ + ':', e)
