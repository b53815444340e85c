# yield from / await run the delegated generator or coroutine frame inline
# (SEND): return values, exceptions both ways, send/throw/close through
# the chain, and deep delegation must match resumption through send().
import sys

def inner(n):
    total = 0
    for i in range(n):
        x = yield i
        if x:
            total += x
    return total

def outer():
    r = yield from inner(3)
    print("inner returned", r)
    r2 = yield from inner(0)
    return (r, r2)

g = outer()
print(next(g), g.send(10), g.send(5))
try:
    g.send(None)
except StopIteration as e:
    print("outer returned", e.value)

def failing():
    yield 1
    raise KeyError("deep")

def catcher():
    try:
        yield from failing()
    except KeyError as e:
        print("caught in delegator", e)
        yield "recovered"

print(list(catcher()))

def stops():
    yield 1
    raise StopIteration("x")

def delegator():
    yield from stops()

try:
    list(delegator())
except RuntimeError as e:
    print("RuntimeError:", e)

def echo():
    try:
        while True:
            try:
                x = yield
                print("echo got", x)
            except ValueError as e:
                print("echo handled", e)
    finally:
        print("echo closed")

def wrap():
    yield from echo()

w = wrap()
next(w)
w.send("a")
w.throw(ValueError("v"))
w.close()

def chain(depth):
    if depth == 0:
        x = yield "bottom"
        return x
    return (yield from chain(depth - 1)) + 1

c = chain(300)
print(next(c))
try:
    c.send(0)
except StopIteration as e:
    print("depth result", e.value)

def forever(d):
    yield from forever(d + 1)
    yield d
try:
    next(forever(0))
except RecursionError as e:
    print("RecursionError:", e)

# Exception context seen inside a delegated generator.
def ctx():
    yield sys.exc_info()[0]
def ctx_outer():
    yield from ctx()
try:
    raise IndexError
except IndexError:
    print([t.__name__ for t in ctx_outer()])

# A just-started subgenerator receives the first send as next().
def sub():
    v = yield "ready"
    yield v
def deleg():
    yield from sub()
d = deleg()
print(d.send(None), d.send("value"))

# Coroutines awaiting coroutines, driven by hand.
async def leaf(x):
    return x * 2
async def mid(x):
    return await leaf(x) + 1
async def top():
    return await mid(20)
co = top()
try:
    co.send(None)
except StopIteration as e:
    print("coroutine chain", e.value)
