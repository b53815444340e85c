# os.path questions for the file system: exists, isfile, isdir, islink, getsize, abspath, realpath, samefile.
import os
import os.path as p

base = p.realpath('/tmp') + '/cs_native_path_%d' % os.getpid()
os.mkdir(base)
os.chdir(base)
with open('file.txt', 'w') as f:
    f.write('12345')
os.mkdir('dir')
os.symlink('file.txt', 'link')
os.symlink('dir', 'dlink')
os.symlink('missing', 'broken')
os.symlink('loop1', 'loop2')
os.symlink('loop2', 'loop1')

for name in ['file.txt', 'dir', 'link', 'dlink', 'broken', 'loop1', 'nothing', '']:
    print(repr(name), p.exists(name), p.lexists(name), p.isfile(name), p.isdir(name),
          p.islink(name))
print(p.exists('a\0b'), p.isfile(b'file.txt'))
print(p.getsize('file.txt'), type(p.getmtime('file.txt')).__name__,
      abs(p.getmtime('file.txt') - os.stat('file.txt').st_mtime) < 1e-6)
print(p.abspath('x') == base + '/x', p.abspath('dir/../x/./y') == base + '/x/y', p.abspath('/a/../b'))
print(p.abspath(b'x') == (base + '/x').encode())
def r(x):
    return p.realpath(x).replace(base, 'BASE')
print(r('link'), r('dlink/sub'), r('broken'), r('loop1'), r('dir/../link'), r('.'))
try:
    p.realpath('loop1', strict=True)
except OSError as e:
    print(type(e).__name__)
print(p.samefile('link', 'file.txt'), p.samefile('dir', 'file.txt'))
print(p.ismount('/'), p.ismount('dir'))
for n in ['link', 'dlink', 'broken', 'loop1', 'loop2', 'file.txt']:
    os.remove(n)
os.rmdir('dir')
os.chdir('/')
os.rmdir(base)
print(p.exists(base))
