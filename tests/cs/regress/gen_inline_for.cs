# for loops run generator frames inline in the eval loop (no C recursion):
# exceptions, exc_info, PEP 479, re-entrancy, deep nesting and finally blocks
# must behave exactly as when the generator is resumed by next().
import sys

def count(n):
    for i in range(n):
        yield i
    return "ignored by for"

print([x for x in count(3)], list(count(2)))

def boom():
    yield 1
    raise ValueError("inside")

try:
    for x in boom():
        print("got", x)
except ValueError as e:
    print("caught", e)

def stops():
    yield 1
    raise StopIteration("no")

try:
    for x in stops():
        pass
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)

def sees_exc_info():
    yield sys.exc_info()[0]
    try:
        raise KeyError("k")
    except KeyError:
        yield sys.exc_info()[0]
    yield sys.exc_info()[0]

try:
    raise IndexError("outer")
except IndexError:
    for t in sees_exc_info():
        print(t.__name__ if t else None, sys.exc_info()[0].__name__)

def self_iter():
    for x in g:
        yield x
g = self_iter()
try:
    next(g)
except ValueError as e:
    print("ValueError:", e)

def running():
    yield gen.gi_running
gen = running()
for r in gen:
    print("gi_running inside:", r)
print("after:", gen.gi_running, gen.gi_frame)

def nest(depth):
    if depth == 0:
        yield "bottom"
        return
    for x in nest(depth - 1):
        yield x
print(list(nest(200)))

def too_deep(n):
    for x in too_deep(n + 1):
        yield x
    yield n
try:
    for _ in too_deep(0):
        pass
except RecursionError as e:
    print("RecursionError:", e)

log = []
def cleanup():
    try:
        yield 1
        yield 2
    finally:
        log.append("finally")
c = cleanup()
for x in c:
    if x == 1:
        break
c.close()
for x in cleanup():
    pass
print(log)

# A generator first driven by next() and then by a for loop, and back.
h = count(5)
print(next(h))
for x in h:
    if x == 2:
        break
print(next(h), list(h))

# Breaking out and resuming later keeps its state.
def letters():
    yield from "abc"
    yield "d"
it = letters()
for c in it:
    break
print(c, list(it))
