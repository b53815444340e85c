# A generator dropped while suspended in try/finally or with is closed when collected; each only once.
import gc


def with_finally(name):
    try:
        yield 1
        yield 2
    finally:
        print('finally of', name)


x = with_finally('x')
next(x)
del x
gc.collect()
print('after collect')


# In a cycle with other objects.
class Holder:
    pass


h = Holder()
h.gen = with_finally('cycle')
h.me = h
next(h.gen)
del h
gc.collect()
print('after cycle collect')


# Not started or finished generators have nothing to run.
y = with_finally('never started')
z = with_finally('finished')
list(z)
del y, z
gc.collect()
print('nothing ran')


# Dropped inside a function: closed at the next collection.
def use_and_drop():
    g = with_finally('local')
    print(next(g))


use_and_drop()
gc.collect()
print('after local')


# A context manager around the yield gets GeneratorExit.
class Manager:
    def __enter__(self):
        return self

    def __exit__(self, typ, val, tb):
        print('__exit__ with', typ.__name__ if typ else None)


def managed():
    with Manager():
        yield 'in'


m = managed()
next(m)
del m
gc.collect()
print('after managed')


# A delegating generator closes what it delegates to.
def outer():
    yield from with_finally('delegate')


o = outer()
next(o)
del o
gc.collect()
print('after delegate')


# One that ignores GeneratorExit is finalized once (CPython reports the
# RuntimeError on stderr as "Exception ignored in").
def stubborn():
    while True:
        try:
            yield
        except GeneratorExit:
            print('ignoring GeneratorExit')


s = stubborn()
next(s)
del s
gc.collect()
gc.collect()
print('after stubborn')

# Many at once, finalized in one collection (in an order of their own:
# CPython frees a list's items last to first).
closed = []


def logged(i):
    try:
        yield i
    finally:
        closed.append(i)


gens = [logged(i) for i in range(100)]
for g in gens:
    next(g)
del g, gens
gc.collect()
print('after many', sorted(closed) == list(range(100)))

# A suspended generator still referenced at exit is closed then.
kept = with_finally('at exit')
next(kept)
print('end of script')
