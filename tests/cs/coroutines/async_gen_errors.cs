# Async generator errors: already running, reuse of awaitables, ignored GeneratorExit, StopIteration inside.
def drive(aw):
    try:
        v = aw.send(None)
        while True:
            print('  passed up', v)
            v = aw.send(None)
    except StopIteration as e:
        return ('value', e.value)
    except StopAsyncIteration:
        return ('StopAsyncIteration',)
    except BaseException as e:
        return ('raised', type(e).__name__, str(e))


class Sleep:
    def __await__(self):
        yield 'sleep'


async def sleeper():
    while True:
        await Sleep()
        yield 'woke'


# While one asend() is in flight, others fail.
g = sleeper()
first = g.asend(None)
print(first.send(None), g.ag_running)
try:
    g.asend(None).send(None)
except RuntimeError as e:
    print('RuntimeError', e)
try:
    anext(g).send(None)
except RuntimeError as e:
    print('RuntimeError', e)
print(drive(g.athrow(ValueError)))
print(drive(g.aclose()))
print(drive(first))
print(g.ag_running)
print(drive(first))


# A generator body that runs itself.
async def reenter():
    await me.asend(None)
    yield


me = reenter()
print(drive(me.asend(None)))


# Catching GeneratorExit and yielding again.
async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print('ignoring GeneratorExit')
    yield 2


g = stubborn()
print(drive(g.asend(None)))
print(drive(g.aclose()))
print(drive(g.asend(None)))
print(drive(g.asend(None)))


# StopAsyncIteration or StopIteration raised in the body: RuntimeError.
async def raises(exc):
    yield 1
    raise exc


for exc in (StopAsyncIteration, StopIteration, StopIteration('v')):
    g = raises(exc)
    print(drive(g.asend(None)))
    print(drive(g.asend(None)))

# The body's exception propagates and ends the generator.
g = raises(KeyError('body'))
print(drive(g.asend(None)))
print(drive(g.asend(None)))
print(drive(g.asend(None)))


# A non-None value to a generator that has not started.
async def simple():
    yield 1


g = simple()
print(drive(g.asend('early')))
print(drive(g.asend(None)))

# Calling with wrong arguments.
for call in (lambda: g.asend(), lambda: g.asend(1, 2), lambda: g.aclose(1)):
    try:
        call()
    except TypeError as e:
        print('TypeError', e)


# async generators are not iterators; generators are not async iterators.
try:
    iter(simple())
except TypeError as e:
    print('TypeError', e)
try:
    aiter(iter([]))
except TypeError as e:
    print('TypeError', e)
