# iter() with one argument and with a sentinel, next() with defaults, and the __getitem__ protocol.
it = iter([1, 2])
print(next(it), next(it), next(it, 'default'), next(it, None))
try:
    next(it)
except StopIteration as e:
    print('StopIteration', repr(e.args))
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 5)))
lines = iter(['a', 'b', '', 'c'])
print(list(iter(lambda: next(lines), '')))
ci = iter(lambda: 1, 1)
print(type(ci).__name__, list(ci), next(ci, 'done'))

def stopper():
    raise StopIteration
print(list(iter(stopper, None)))

class Squares:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i
s = iter(Squares())
print(type(s).__name__, list(s), list(s), 9 in Squares(), list(Squares()))

class Gen:
    def __iter__(self):
        yield from 'xyz'
print(list(Gen()), next(iter(Gen())))

class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(list(Countdown(3)), next(Countdown(0), 'empty'))
for t, fn in [('iter(5)', lambda: iter(5)),
          ('iter()', lambda: iter()),
          ('iter(1, 2)', lambda: iter(1, 2)),
          ('iter(len, 1, 2)', lambda: iter(len, 1, 2)),
          ('next(5)', lambda: next(5)),
          ('next()', lambda: next()),
          ('next([1])', lambda: next([1]))]:
    try:
        fn()
    except TypeError as e:
        print(t, 'TypeError:', e)
