# Class keywords and star bases, nonlocal and global in class bodies, eager first iterables, nested unwinding.
class Meta(type):
    def __new__(m, name, bases, ns, **kw):
        ns['kw'] = kw
        return super().__new__(m, name, bases, ns)
class A: pass
bases = (A,)
class B(*bases, metaclass=Meta, flag=1, **{'other': 2}):
    pass
print(B.kw, B.__mro__[1].__name__)
def f():
    v = 1
    class C:
        nonlocal v
        v = 2
        w = v
    return v, C.w
print(f())
class G:
    global gg
    gg = 'set from class'
print(gg)
def lazy_iter():
    try:
        (x for x in 5)
    except TypeError as e:
        print('eager:', e)
lazy_iter()
def dflt(a=[]):
    a.append(1); return a
print(dflt(), dflt())
x = 10
def uses_before_assign_in_class():
    x = 'local'
    class K:
        print(x)
        x = 'class'
        print(x)
uses_before_assign_in_class()
def deco(c): c.tag = 't'; return c
@deco
class D:
    'doc'
print(D.tag, D.__doc__)
def kw_defaults(*, a=x + 1, b):
    return a, b
print(kw_defaults(b=2))
print((lambda *a, **k: (a, k))(1, z=2))
try:
    raise ValueError
except ValueError:
    try:
        raise
    except ValueError as e:
        print('reraised', type(e).__name__)
def ret_in_with_in_try():
    class M:
        def __enter__(s): return s
        def __exit__(s, *a): print('exit'); return False
    try:
        with M():
            for i in range(3):
                try:
                    return i
                finally:
                    print('fin', i)
    finally:
        print('outer fin')
print(ret_in_with_in_try())
def gen_close():
    try:
        yield 1
    except GeneratorExit:
        print('closing')
        raise
g = gen_close(); next(g); g.close()
async def ag():
    yield 1
print(ag.__qualname__, type(ag()).__name__)
