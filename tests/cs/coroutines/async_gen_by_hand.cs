# Async generators driven by hand: asend/athrow/aclose awaitables stepped with send(None), and ag_* attributes.
import types


def drive(aw, replies=()):
    # Steps one awaitable to its end; what it passes up is printed.
    replies = list(replies)
    try:
        v = aw.send(None)
        while True:
            print('  passed up', v)
            v = aw.send(replies.pop(0) if replies else None)
    except StopIteration as e:
        return ('value', e.value)
    except StopAsyncIteration:
        return ('StopAsyncIteration',)
    except BaseException as e:
        return ('raised', type(e).__name__, str(e))


class Sleep:
    def __await__(self):
        r = yield 'sleep'
        return r


async def agen():
    try:
        x = yield 1
        print('agen got', x)
        slept = await Sleep()
        print('slept', slept)
        yield 2
    except ValueError as e:
        print('agen caught', e)
        yield 'from except'
    finally:
        print('agen finally')
        await Sleep()
        print('agen finally done')


g = agen()
print(type(g).__name__, g.__name__, g.__qualname__, type(g) is types.AsyncGeneratorType)
print(g.ag_running, g.ag_await, g.ag_frame.f_lineno, g.ag_code.co_name)
print(type(g.asend(None)).__name__, type(g.athrow(ValueError)).__name__,
      type(g.aclose()).__name__, type(g.__anext__()).__name__)
print(drive(g.__anext__()))
print(drive(g.asend('X'), ['woke']))
print(drive(g.athrow(ValueError('boom'))))
print(drive(g.aclose()))
print(g.ag_frame)
# After aclose(): asend ends at once, athrow and aclose too.
print(drive(g.asend(None)))
print(drive(g.athrow(KeyError)))
print(drive(g.aclose()))

# aclose() and athrow() before the first step.
g = agen()
print(drive(g.aclose()))
print(drive(g.asend(None)))
g = agen()
print(drive(g.athrow(KeyError('k'))))
print(drive(g.asend(None)))


# athrow with a type and a value, a tuple value, an instance.
async def catcher():
    while True:
        try:
            yield 'ready'
        except ValueError as e:
            print('caught', e.args)
            yield 'handled'


g = catcher()
print(drive(g.asend(None)))
print(drive(g.athrow(ValueError, 'v1')))
print(drive(g.asend(None)))
print(drive(g.athrow(ValueError, ('a', 'b'))))
print(drive(g.asend(None)))
print(drive(g.athrow(ValueError('inst'))))
# Its arguments are checked when the awaitable runs.
a = g.athrow()
print('athrow() made')
print(drive(g.athrow(ValueError('x'), 'y')))
g = catcher()
drive(g.asend(None))
print(drive(g.athrow(5)))

# A send value other than None cannot start athrow().
g = catcher()
drive(g.asend(None))
a = g.athrow(ValueError)
try:
    a.send(1)
except RuntimeError as e:
    print('RuntimeError', e)
print(drive(a))
a = g.aclose()
print(drive(a))
print(drive(a))

# asend's value is the first send value (a later None keeps it).
async def echo():
    while True:
        v = yield
        print('echo', v)


g = echo()
drive(g.asend(None))
drive(g.asend('hello'))
aw = g.asend('kept')
print(drive(aw))
print(drive(aw))

# An awaitable's close() spends it.
g = catcher()
a = g.asend(None)
a.close()
print(drive(a))
print(drive(g.asend(None)))

# throw() on an asend awaitable goes into the generator.
g = agen()
a = g.asend(None)
try:
    a.throw(KeyError('direct'))
except KeyError as e:
    print('KeyError', e)
print(drive(g.asend(None)))

# ag_await and ag_running while an inner await is pending.
g = agen()
drive(g.asend(None))
a = g.asend(None)
print(a.send(None), type(g.ag_await).__name__, g.ag_running)
print(drive(g.aclose()))
print(drive(a))

# Names can be rebound; AsyncGeneratorType[...] is a generic alias.
g = echo()
g.__name__ = 'renamed'
g.__qualname__ = 'Q.renamed'
print(g.__name__, g.__qualname__, repr(g).startswith('<async_generator object Q.renamed at'))
print(types.AsyncGeneratorType[int])
print(sorted(n for n in dir(g) if not n.startswith('__')))
