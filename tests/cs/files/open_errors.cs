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
bad = [("'x', 'z'", "ValueError"), ("'x', 'rw'", ""), ("'x', 'rr'", ""), ("'x', 'b'", ""),
       ("'x', 'rbt'", ""), ("'x', 'rb', encoding='utf-8'", ""), ("'x', 'rb', errors='strict'", ""),
       ("'x', 'rb', newline=''", ""), ("'/dev/null', newline='x'", ""), ("'/dev/null', buffering=0", ""),
       ("'/dev/null', encoding='no-such-codec'", ""), ("[]", ""), ("1.5", ""), ("'/dev/null', 5", ""),
       ("'/dev/null', encoding=5", ""), ("'/dev/null', closefd=False", ""), ("'/dev/null', foo=1", "")]
for args, _ in bad:
    try:
        eval('open(' + args + ')')
        print(args, 'opened')
    except (ValueError, TypeError, LookupError) as e:
        print(args, '->', type(e).__name__ + ':', e)
