# functools: partial reprs and nesting, lru_cache typed/maxsize/eviction, singledispatch, cached_property, cmp_to_key.
import functools
from functools import *

p = partial(int, '10', base=2)
print(repr(p), p(), p.func, p.args, p.keywords)
print(repr(partial(partial(max, 1), 2, key=abs)))
try:
    partial(3)
except TypeError as e:
    print('TypeError', e)
try:
    reduce(3, [1, 2])
except TypeError as e:
    print('TypeError', e)
try:
    lru_cache('x')
except TypeError as e:
    print('TypeError', e)
try:
    total_ordering(type('A', (), {}))
except ValueError as e:
    print('ValueError', e)
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))


class A:
    def __init__(self):
        self.n = 0

    @cached_property
    def x(self):
        print('compute x')
        return 3

    @lru_cache
    def sq(self, v):
        self.n += 1
        return v * v

    def meth(self, a, b):
        return (a, b)

    m2 = partialmethod(meth, 5)


a = A()
print(a.x, a.x, vars(a)['x'])
print(a.sq(3), a.sq(3), a.n, A.sq.cache_info())
print(a.m2(6))


@singledispatch
def describe(x):
    return 'object'


@describe.register
def _(x: int):
    return 'int %d' % x


@describe.register(list)
def _(x):
    return 'list of %d' % len(x)


print(describe(1), describe(True), describe([1, 2]), describe('s'), describe.dispatch(bool) is describe.registry[int])


@lru_cache(maxsize=3, typed=True)
def g(x, y=1):
    return x + y


print(g(1), g(1.0), g(1, y=2), g(x=1, y=2), g.cache_info(), g.cache_parameters())
for v in [1, 2, 3, 4, 1]:
    g(v)
print(g.cache_info())
g.cache_clear()
print(g.cache_info())


@lru_cache(maxsize=0)
def h(x):
    return x


h(1)
h(1)
print(h.cache_info())


@total_ordering
class V:
    def __init__(self, v):
        self.v = v

    def __gt__(self, o):
        return self.v > o.v

    def __eq__(self, o):
        return self.v == o.v


print(V(1) < V(2), V(1) <= V(1), V(3) >= V(4), V(2) > V(1))


def deco(fn):
    @wraps(fn)
    def w(*a):
        return fn(*a)
    return w


@deco
def hello(x: int) -> str:
    "doc"
    return str(x)


print(hello.__name__, hello.__qualname__, hello.__doc__, hello.__annotations__, hello.__wrapped__.__name__)
print(reduce(lambda acc, x: acc * x, range(1, 6), 1), functools.WRAPPER_ASSIGNMENTS)
