# os: creating, listing, renaming, stat-ing and removing files and folders, and the errors.
import os

base = '/tmp/cs_native_files_%d' % os.getpid()
os.mkdir(base)
os.chdir(base)
print(os.getcwd() == base, os.listdir())

os.mkdir('d1')
os.mkdir('d2', 0o755)
os.makedirs('deep/er/est')
os.makedirs('deep/er/est', exist_ok=True)
with open('f.txt', 'w') as f:
    f.write('hello world')
print(sorted(os.listdir('.')), sorted(os.listdir()), os.listdir('deep'), sorted(os.listdir(b'.')))

st = os.stat('f.txt')
print(st.st_size, st[6], len(st), type(st).__name__, st.st_mode & 0o170000 == 0o100000)
print(type(st.st_mtime).__name__, type(st.st_mtime_ns).__name__, type(st[8]).__name__)
print(st.st_mtime_ns // 10**9 == st[8] == int(st.st_mtime), st.st_nlink, st.st_uid == os.getuid())
print(os.stat('d1').st_mode & 0o170000 == 0o040000, os.stat('d2').st_mode & 0o777)
print(os.path.getsize('f.txt'), os.path.isfile('f.txt'), os.path.isdir('d1'), os.path.exists('nope'))
print(os.stat_result.n_sequence_fields, os.stat_result.n_fields)

os.rename('f.txt', 'g.txt')
os.replace('g.txt', 'd1/h.txt')
print(sorted(os.listdir()), os.listdir('d1'))
os.remove('d1/h.txt')
os.rmdir('d1')
os.removedirs('deep/er/est')
print(sorted(os.listdir()))
os.symlink('d2', 'lnk')
print(os.path.islink('lnk'), os.readlink('lnk'), os.lstat('lnk').st_mode & 0o170000 == 0o120000)
os.unlink('lnk')
print(os.access('d2', os.R_OK), os.access('nope', os.F_OK))
os.chmod('d2', 0o700)
print(oct(os.stat('d2').st_mode & 0o777))

def show(f, *args):
    try:
        f(*args)
        print('no error')
    except OSError as e:
        print(type(e).__name__ + ':', e, '|', e.errno, e.filename)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)

show(os.stat, 'nope')
show(os.listdir, 'nope')
show(os.mkdir, 'd2')
show(os.rmdir, 'nope')
show(os.remove, 'd2')
show(os.chdir, 'nope')
show(os.makedirs, 'd2')
show(os.open, 'nope/x', os.O_RDONLY)
show(os.stat, None)
show(os.listdir, 1.5)
show(os.mkdir, 5)
show(os.stat, 'a\0b')
show(os.rename, None, 'x')
os.mkdir('d2/sub')
show(os.rmdir, 'd2')

os.rmdir('d2/sub')
os.rmdir('d2')
os.chdir('/')
os.rmdir(base)
print(os.path.exists(base))
