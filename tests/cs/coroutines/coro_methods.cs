# Coroutine objects: send/throw/close, cr_running, cr_frame, cr_code, cr_await, cr_origin, cr_suspended, names.
import types


class Pause:
    def __init__(self, v):
        self.v = v

    def __await__(self):
        r = yield ('pause', self.v)
        return r if r is not None else self.v * 2


async def add(a, b):
    x = await Pause(a)
    return x + b


c = add(1, 2)
print(type(c).__name__, c.__name__, c.__qualname__)
print(c.cr_running, c.cr_await, c.cr_origin, c.cr_suspended)
print(c.cr_code.co_name, c.cr_code is add.__code__, c.cr_frame.f_code is c.cr_code)
print(c.cr_frame.f_lineno, sorted(c.cr_frame.f_locals.items()))
print(c.send(None))
print(type(c.cr_await).__name__, c.cr_suspended, c.cr_frame.f_lineno)
try:
    c.send(10)
except StopIteration as e:
    print('result', e.value)
print(c.cr_frame, c.cr_await, c.cr_running, c.cr_suspended)


# cr_running and cr_frame from inside.
async def running():
    return cr.cr_running, cr.cr_suspended, cr.cr_frame.f_code.co_name


cr = running()
try:
    cr.send(None)
except StopIteration as e:
    print(e.value)


# cr_await shows the coroutine being awaited.
async def inner():
    await Pause(0)


async def outer():
    await inner_c


inner_c = inner()
outer_c = outer()
outer_c.send(None)
print(outer_c.cr_await is inner_c, type(inner_c.cr_await).__name__)
outer_c.close()
print(inner_c.cr_frame, outer_c.cr_frame)


# close() runs finally blocks and closes what is awaited.
class HasClose:
    def __await__(self):
        return self

    def __iter__(self):
        return self

    def __next__(self):
        return 'hc'

    def close(self):
        print('HasClose.close')


async def fin():
    try:
        await HasClose()
    finally:
        print('coroutine finally')


c = fin()
print(c.send(None))
c.close()
print(c.cr_frame, c.cr_suspended)

# throw() into a just-created coroutine finishes it.
c = add(1, 2)
try:
    c.throw(ValueError('early'))
except ValueError as e:
    print('ValueError', e)
try:
    c.send(None)
except RuntimeError as e:
    print('RuntimeError', e)

# throw() with a type and a value; the awaited object sees it first.
c = add(1, 2)
c.send(None)
try:
    c.throw(KeyError, 'kv')
except KeyError as e:
    print('KeyError', e)


# Coroutine names can be rebound like generator ones.
c = add(1, 2)
c.__name__ = 'n'
c.__qualname__ = 'Q.n'
print(c.__name__, c.__qualname__, repr(c).startswith('<coroutine object Q.n at 0x'))
c.close()
print(type(c) is types.CoroutineType)
try:
    types.CoroutineType()
except TypeError as e:
    print('TypeError', e)
print(sorted(n for n in dir(c) if not n.startswith('__')))


# Methods of async classes and nested coroutines have qualified names.
class K:
    async def m(self):
        async def nested():
            pass
        return nested


k = K().m()
print(k.__qualname__)
try:
    k.send(None)
except StopIteration as e:
    n = e.value()
    print(n.__qualname__)
    n.close()
