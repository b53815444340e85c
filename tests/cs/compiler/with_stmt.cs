# with statements: __enter__/__exit__ order, suppression, multiple items, early exits.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print('enter', self.name)
        return self.name.upper()
    def __exit__(self, t, v, tb):
        print('exit', self.name, t.__name__ if t else None, v)
        return self.suppress

with CM('a') as x:
    print('body', x)

with CM('b', suppress=True):
    raise ValueError('suppressed')
print('after suppressed')

try:
    with CM('c'):
        raise KeyError('propagates')
except KeyError as e:
    print('caught', e)

with CM('d') as d, CM('e') as e:
    print('two items', d, e)

def early():
    with CM('f'):
        return 'returned'
print(early())

for i in range(3):
    with CM('g%d' % i):
        if i == 1:
            break
        continue

class Target:
    pass
t = Target()
with CM('h') as t.attr:
    pass
print(t.attr)
with CM('ij') as (p, q):
    print(p, q)

try:
    with 42:
        pass
except TypeError as e:
    print(type(e).__name__, e)

class BadExit:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise RuntimeError('from exit')
try:
    with BadExit():
        raise ValueError('body')
except RuntimeError as e:
    print('exit error', e, type(e.__context__).__name__)
