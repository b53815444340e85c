# Coroutines driven by hand: a tiny trampoline sends None until StopIteration carries the result.
def run(coro):
    # What the coroutine passes up (through its awaits) comes out of send().
    try:
        value = coro.send(None)
        while True:
            print('  loop got', value)
            value = coro.send(('reply to', value))
    except StopIteration as e:
        return e.value


class Request:
    # An awaitable: __await__ is a generator whose yields reach the trampoline.
    def __init__(self, what):
        self.what = what

    def __await__(self):
        reply = yield self.what
        return reply


async def add(a, b):
    x = await Request(('add', a, b))
    print('add got', x)
    return a + b


async def main():
    r = await add(1, 2)
    s = await add(r, 10)
    return [r, s]


print(run(main()))


# Nested awaits of coroutines pass no value up when nothing blocks.
async def leaf(n):
    return n * 2


async def middle(n):
    return await leaf(n) + await leaf(n + 1)


print(run(middle(5)))


# The same coroutine object type for every async def; a coroutine is not an iterator.
c = leaf(1)
print(type(c).__name__, c.__name__, c.__qualname__)
try:
    iter(c)
except TypeError as e:
    print('TypeError', e)
try:
    next(c)
except TypeError as e:
    print('TypeError', e)
print(run(c))


# __await__ of a coroutine gives a coroutine_wrapper, an iterator over it.
c = leaf(21)
w = c.__await__()
print(type(w).__name__, iter(w) is w)
try:
    next(w)
except StopIteration as e:
    print('wrapper stop', e.value)


# A generator-based awaitable with a return value only.
class Immediate:
    def __await__(self):
        return iter([])


async def immediate():
    return await Immediate()


print(run(immediate()))


# Awaiting inside loops and comprehensions.
async def loops():
    out = []
    for i in range(3):
        out.append(await Request(i))
    out.append([await leaf(i) for i in range(3)])
    return out


print(run(loops()))


# A coroutine can catch what the trampoline throws into it.
async def catcher():
    try:
        await Request('first')
    except KeyError as e:
        print('caught', repr(e))
        return 'recovered'
    finally:
        print('finally')


c = catcher()
print(c.send(None))
try:
    c.throw(KeyError('k'))
except StopIteration as e:
    print('value', e.value)
