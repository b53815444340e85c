# Generators: yield as expression, send, yield from delegation with return values, throw, genexp scoping.
def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    return received

g = echo()
print(next(g), g.send('a'), g.send('b'))
try:
    g.send(None)
except StopIteration as e:
    print('returned', e.value)

def inner():
    a = yield 1
    b = yield 2
    return (a, b)

def outer():
    result = yield from inner()
    print('inner returned', result)
    yield from [10, 20]
    return 'done'

o = outer()
print(next(o), o.send('x'), o.send('y'), next(o))
try:
    next(o)
except StopIteration as e:
    print('outer returned', e.value)

def catcher():
    while True:
        try:
            yield 'waiting'
        except ValueError as e:
            yield 'caught ' + str(e)

cg = catcher()
print(next(cg), cg.throw(ValueError('v')), next(cg))

def delegating():
    yield from catcher()
dg = delegating()
print(next(dg), dg.throw(ValueError('through')))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])

gen = (x * y for x in range(3) for y in range(3) if x != y)
print(list(gen))
n = 10
print(list(i + n for i in range(3)))

def lazy():
    print('started')
    yield 1
lz = lazy()
print('created')
print(list(lz))

def gen_in_method():
    class C:
        def items(self):
            yield from range(3)
    return list(C().items())
print(gen_in_method())

def yield_in_expressions():
    x = [(yield 1), (yield 2)]
    yield x
ye = yield_in_expressions()
print(next(ye), ye.send('p'), ye.send('q'))

print(type((lambda: (yield)) ()).__name__)
