# os.path string operations: join, split, splitext, basename, dirname, normpath, relpath, commonprefix...
import os.path as p

cases = ['', '/', '//', '///', 'a', 'a/', '/a/b/', 'a//b', '//a/b', '///a/../b', 'a/./b/../../..',
         '../x', '/..', '.', 'foo.tar.gz', '.bashrc', 'a/.b.c', '..', 'a.', '/x/y.', 'a/b/',
         '...', 'x/..y', '/a/b/../../../c']
for c in cases:
    print(repr(c), p.split(c), p.splitext(c), repr(p.basename(c)), repr(p.dirname(c)),
          repr(p.normpath(c)), p.isabs(c), p.splitdrive(c))
for c in [b'/a/b.c', b'', b'..//x/', b'a/./b']:
    print(c, p.split(c), p.splitext(c), p.normpath(c), p.basename(c), p.dirname(c))

print(p.join('a', 'b', 'c'), p.join('/a', '/b', 'c'), p.join('a/', 'b'), p.join('', 'x'),
      repr(p.join('a', '')), p.join('a'), p.join(b'a', b'b'), p.join('a', 'b/', '', 'c'))
for args in [('a', b'b'), ('a', 5), (5,), (None, 'a')]:
    try:
        p.join(*args)
    except TypeError as e:
        print('TypeError:', e)

for a, b in [('/a/b/c', '/a'), ('/a', '/a/b/c'), ('/a', '/a'), ('/x/y', '/a/b'), ('a/b', 'a'),
             ('/', '/usr'), ('/usr/lib/', '/usr/local/')]:
    print(a, b, p.relpath(a, b))
print(p.relpath(b'/a/b', b'/a'))
try:
    p.relpath('')
except ValueError as e:
    print('ValueError:', e)

print(repr(p.commonprefix([])), p.commonprefix(['/usr/lib', '/usr/local']),
      p.commonprefix(['abc', 'abd', 'ab']), p.commonprefix([[1, 2, 3], [1, 2, 4]]))
print(p.commonpath(['/usr/lib', '/usr/local/lib']), p.commonpath(['a/b', 'a/c/d']),
      p.commonpath(['/a']), p.commonpath([b'/x/y', b'/x/z']), p.commonpath(['/a/./b', '/a/b/c']))
for bad in [[], ['/a', 'b']]:
    try:
        p.commonpath(bad)
    except ValueError as e:
        print('ValueError:', e)

import os
os.environ['HOME'] = '/home/tester/'
os.environ['CS_V'] = 'val'
for c in ['~', '~/x', '~/', 'x/~', '~root/y', '~nobody_here_cs/z']:
    print(repr(c), repr(p.expanduser(c)))
print(p.expanduser(b'~/b'))
for c in ['$CS_V/a', '${CS_V}x', '$CS_NOPE', '${abc $CS_V', '$', 'a$1b', '$CS_V$CS_V', '${CS_V']:
    print(repr(c), repr(p.expandvars(c)))
print(p.expandvars(b'$CS_V/x'))
print(p.sep, p.curdir, p.pardir, p.extsep, p.pathsep, p.defpath, p.altsep, p.devnull)
