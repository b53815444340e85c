# Errors of await: non-awaitables, bad __await__ results, reusing and double-awaiting coroutines.
def run(coro):
    try:
        while True:
            v = coro.send(None)
            print('  yielded', v)
    except StopIteration as e:
        return e.value


async def check(make):
    try:
        await make()
    except (TypeError, RuntimeError) as e:
        print(type(e).__name__, e)


class ReturnsInt:
    def __await__(self):
        return 7


class ReturnsIterable:
    # An iterable that is not an iterator.
    def __await__(self):
        return [1, 2]


class Inner:
    async def m(self):
        pass


class ReturnsCoroutine:
    def __await__(self):
        c = Inner().m()
        c.close()
        return c


class AwaitIsNone:
    __await__ = None


def gen():
    yield 1


run(check(lambda: 5))
run(check(lambda: 'text'))
run(check(ReturnsInt))
run(check(ReturnsIterable))
run(check(ReturnsCoroutine))
run(check(AwaitIsNone))
run(check(gen))


# An object whose __await__ returns an iterator works.
class ReturnsIterator:
    def __await__(self):
        return iter([10, 20])


async def ok():
    return await ReturnsIterator()


print(run(ok()))


# A finished coroutine cannot be awaited, sent to or thrown into again.
async def noop():
    return 1


async def twice():
    c = noop()
    print(await c)
    await c


try:
    run(twice())
except RuntimeError as e:
    print('RuntimeError', e)
c = noop()
print(run(c))
try:
    c.send(None)
except RuntimeError as e:
    print('RuntimeError', e)
try:
    c.throw(ValueError)
except RuntimeError as e:
    print('RuntimeError', e)
c.close()
print('close of a finished coroutine is silent')


# A coroutine suspended in an await cannot be awaited by another.
class Pause:
    def __await__(self):
        yield 'paused'


async def pauses():
    await Pause()


p = pauses()
print(p.send(None))


async def second():
    return await p


try:
    run(second())
except RuntimeError as e:
    print('RuntimeError', e)
p.close()


# A coroutine running cannot be resumed from inside itself.
async def reenter():
    me.send(None)


me = reenter()
try:
    me.send(None)
except ValueError as e:
    print('ValueError', e)


# Not started: only None can be sent.
c = noop()
try:
    c.send(1)
except TypeError as e:
    print('TypeError', e)
c.close()


# StopIteration inside a coroutine is a RuntimeError; StopAsyncIteration is not converted.
async def stop_iter():
    raise StopIteration(1)


try:
    run(stop_iter())
except RuntimeError as e:
    print('RuntimeError', e, repr(e.__cause__))


async def stop_async():
    raise StopAsyncIteration


try:
    run(stop_async())
except StopAsyncIteration:
    print('StopAsyncIteration propagates')
