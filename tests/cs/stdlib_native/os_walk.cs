# os.walk top-down and bottom-up, pruning, symlinks, onerror; os.scandir entries.
import os

base = '/tmp/cs_native_walk_%d' % os.getpid()
for d in ['a/b/c', 'a/d', 'e']:
    os.makedirs(os.path.join(base, d))
for f in ['top.txt', 'a/one.txt', 'a/b/two.txt', 'a/b/c/three.txt', 'e/four.txt']:
    with open(os.path.join(base, f), 'w') as fh:
        fh.write(f)
os.symlink(os.path.join(base, 'a', 'b'), os.path.join(base, 'link'))

def rel(p):
    return os.path.relpath(p, base)

def show(walker):
    rows = [(rel(p), sorted(ds), sorted(fs)) for p, ds, fs in walker]
    for row in sorted(rows):
        print('  ', row)
    return [r[0] for r in rows]

print('top-down')
order = show(os.walk(base))
print(order.index('.') < order.index('a') < order.index('a/b') < order.index('a/b/c'))
print('bottom-up')
order = show(os.walk(base, topdown=False))
print(order.index('a/b/c') < order.index('a/b') < order.index('a') < order.index('.'))
print('follow links')
show(os.walk(base, followlinks=True))
print('pruned')
rows = []
for p, ds, fs in os.walk(base):
    if 'a' in ds:
        ds.remove('a')
    rows.append(rel(p))
print(sorted(rows))
errors = []
print(list(os.walk(os.path.join(base, 'missing'), onerror=errors.append)), len(errors),
      type(errors[0]).__name__)

with os.scandir(base) as it:
    entries = sorted(it, key=lambda e: e.name)
for e in entries:
    print(e.name, e.is_dir(), e.is_file(), e.is_symlink(), e.path == os.path.join(base, e.name),
          repr(e))
print(entries[-1].stat().st_size, os.fspath(entries[0]) == entries[0].path)

for p, ds, fs in os.walk(base, topdown=False):
    for f in fs:
        os.remove(os.path.join(p, f))
    for d in ds:
        full = os.path.join(p, d)
        if os.path.islink(full):
            os.remove(full)
        else:
            os.rmdir(full)
os.rmdir(base)
print(os.path.exists(base))
