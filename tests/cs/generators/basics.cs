# Generator functions: next, send, the return value through StopIteration.value, exhaustion.
def counter(n):
    for i in range(n):
        got = yield i
        if got is not None:
            print('got', got)
    return 'done'


it = counter(3)
print(next(it))
print(it.send('a'))
print(next(it))
try:
    next(it)
except StopIteration as e:
    print('stop', repr(e.value), e.args)
# An exhausted generator raises a bare StopIteration from then on.
try:
    next(it)
except StopIteration as e:
    print('again', repr(e.value), e.args)
try:
    it.send(1)
except StopIteration as e:
    print('send after end', e.args)
print(next(it, 'default'))

# A just-started generator only accepts None.
it = counter(2)
try:
    it.send(5)
except TypeError as e:
    print(type(e).__name__, e)
print(it.send(None))


# Return values: a tuple, None, and an exception instance as the value.
def ret(v):
    return v
    yield


for v in [(1, 2), None, StopIteration(5), [3]]:
    try:
        next(ret(v))
    except StopIteration as e:
        print(repr(e.value), e.args)

# A for loop drops the return value; list() too.
print(list(counter(3)))


# yield as an expression in several positions.
def expr():
    a = yield
    b = (yield a) + 1
    c = [(yield b)]
    yield c


y = expr()
next(y)
print(y.send(1), y.send(2), y.send(3))


# yield inside try/except/else/finally.
def branches():
    try:
        yield 1
    except KeyError:
        yield 'except'
    else:
        yield 'else'
    finally:
        yield 'finally'


print(list(branches()))
t = branches()
next(t)
print(t.throw(KeyError), next(t))

# Generator methods and iterator protocol.
g = counter(2)
print(iter(g) is g, g.__iter__() is g, g.__next__(), next(g))
lam = lambda: (yield 5)
print(list(lam()), type(lam()).__name__, lam().__name__)


# Generators in methods and recursion through yield from.
class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children

    def walk(self):
        yield self.value
        for c in self.children:
            yield from c.walk()


print(list(Tree(1, Tree(2, Tree(3)), Tree(4)).walk()))
