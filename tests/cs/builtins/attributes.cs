# getattr/setattr/hasattr/delattr/vars/dir on classes, instances and modules.
import sys

class Base:
    kind = 'base'
    def hello(self):
        return 'hello from ' + type(self).__name__

class Point(Base):
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = Point(1, 2)
print(getattr(p, 'x'), getattr(p, 'kind'), getattr(p, 'zz', 'dflt'), getattr(p, 'hello')())
setattr(p, 'z', 3)
print(vars(p), hasattr(p, 'z'), hasattr(p, 'nope'), hasattr(Point, 'hello'))
delattr(p, 'z')
print(vars(p), hasattr(p, 'z'))
print([n for n in dir(p) if not n.startswith('__')])
print([n for n in dir(Point) if not n.startswith('__')])
print('__init__' in dir(Point), '__class__' in dir(p), dir(p) == sorted(dir(p)))

class Custom:
    def __dir__(self):
        return ['b', 'a', 'c']
print(dir(Custom()))
print('argv' in dir(sys), 'path' in dir(sys))

class Lazy:
    def __getattr__(self, name):
        if name.startswith('auto_'):
            return name[5:]
        raise AttributeError(name)
lz = Lazy()
print(getattr(lz, 'auto_x'), hasattr(lz, 'auto_y'), hasattr(lz, 'other'), getattr(lz, 'other', 0))

def inner(a, b=2):
    c = a + b
    names = dir()
    return names, sorted(locals())
print(inner(1))
x_global = 1
print('x_global' in dir(), 'x_global' in globals(), globals() is vars())
print(sorted(k for k in vars(Point) if not k.startswith('__')))
for t, fn in [('getattr(p, 1)', lambda: getattr(p, 1)),
          ('getattr(p)', lambda: getattr(p)),
          ('setattr(p, 2, 3)', lambda: setattr(p, 2, 3)),
          ('delattr(p, "missing")', lambda: delattr(p, "missing")),
          ('vars(5)', lambda: vars(5)),
          ('getattr(p, "missing")', lambda: getattr(p, "missing")),
          ('setattr(5, "x", 1)', lambda: setattr(5, "x", 1)),
          ('hasattr(p, 3)', lambda: hasattr(p, 3)),
          ('dir(1, 2)', lambda: dir(1, 2))]:
    try:
        fn()
    except (TypeError, AttributeError) as e:
        print(t, '->', type(e).__name__ + ':', e)
