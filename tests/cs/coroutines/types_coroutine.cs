# types.coroutine marks a generator function CO_ITERABLE_COROUTINE so await accepts its generators.
import types


def run(coro):
    try:
        while True:
            v = coro.send(None)
            print('  passed up', v)
    except StopIteration as e:
        return e.value


@types.coroutine
def sleep_once(tag):
    got = yield ('sleep', tag)
    return ('slept', tag, got)


print(sleep_once.__name__, sleep_once.__code__.co_flags & 0x100 != 0)
g = sleep_once('x')
print(type(g).__name__, type(g) is types.GeneratorType, g.gi_code.co_flags & 0x100 != 0)
g.close()


async def main():
    r = await sleep_once('a')
    # yield from of a coroutine is allowed in such a generator.
    return r


c = main()
print(c.send(None))
try:
    c.send('woken')
except StopIteration as e:
    print(e.value)


# The decorator returns the same function, and leaves coroutines alone.
def gen():
    yield 1


print(types.coroutine(gen) is gen)


async def native():
    return 'native'


print(types.coroutine(native) is native)


@types.coroutine
def delegates():
    return (yield from native())


print(run(delegates()))

# (types.coroutine(gen) changed gen itself.)
def plain_gen():
    yield 1


# A plain function returning a generator gets a wrapper that is awaitable.
def make():
    return plain_gen()


wrapped = types.coroutine(make)
w = wrapped()
print(wrapped is make, type(w).__name__, hasattr(w, '__await__'))


async def use_wrapped():
    return await wrapped()


print(run(use_wrapped()))


# A function returning some other object: passed through unchanged.
class NotAGenerator:
    def __next__(self):
        return 1

    def __iter__(self):
        return self


print(type(types.coroutine(NotAGenerator)()).__name__)
try:
    types.coroutine(5)
except TypeError as e:
    print('TypeError', e)


# Without the decorator a generator cannot be awaited.
async def await_plain():
    await plain_gen()


try:
    run(await_plain())
except TypeError as e:
    print('TypeError', e)

# What types.coroutine relies on: code.replace and assigning __code__.
f = lambda: 1
co = f.__code__.replace(co_name='renamed', co_flags=f.__code__.co_flags)
print(co.co_name, f.__code__.co_name, co is f.__code__)
f.__code__ = (lambda: 2).__code__
print(f())


def closure():
    v = 1

    def inner():
        return v
    return inner


try:
    f.__code__ = closure().__code__
except ValueError as e:
    print('ValueError', e)
try:
    f.__code__ = None
except TypeError as e:
    print('TypeError', e)
