# contextlib: generator protocol errors, decorators, closing, nullcontext, redirect_stdout, ExitStack, async managers.
import asyncio
import io
from contextlib import *


@contextmanager
def noyield():
    if False:
        yield


try:
    with noyield():
        pass
except RuntimeError as e:
    print('RuntimeError', e)


@contextmanager
def twice():
    yield 1
    yield 2


try:
    with twice():
        pass
except RuntimeError as e:
    print('RuntimeError', e)


@contextmanager
def swallow():
    try:
        yield
    except ValueError:
        print('swallowed')
        yield


try:
    with swallow():
        raise ValueError
except RuntimeError as e:
    print('RuntimeError', e)


@contextmanager
def conv():
    try:
        yield
    except KeyError as e:
        raise IndexError('converted') from e


try:
    with conv():
        raise KeyError('k')
except IndexError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)


@contextmanager
def deco():
    print('enter')
    yield
    print('exit')


@deco()
def f(x):
    print('body', x)
    return x * 2


print(f(2), f(3))


class Res:
    def close(self):
        print('closed')


with closing(Res()) as r:
    print(type(r).__name__)
with nullcontext(5) as v:
    print(v)
buf = io.StringIO()
with redirect_stdout(buf):
    print('hidden')
print('got', repr(buf.getvalue()))
with ExitStack() as stack:
    for i in range(3):
        stack.callback(print, 'cb', i)
    stack.enter_context(closing(Res()))
    print('in stack')
try:
    with ExitStack() as stack:
        stack.callback(lambda: 1 / 0)
        stack.push(lambda *a: True)
        raise KeyError('x')
except ZeroDivisionError as e:
    print('ZeroDivisionError', e.__context__)
with ExitStack() as s:
    s.push(lambda t, v, tb: print('push saw', t))
    s2 = s.pop_all()
s2.close()
with suppress(KeyError):
    {}['a']
print(suppress(KeyError).__exit__(KeyError, None, None), suppress(KeyError).__exit__(None, None, None))


@asynccontextmanager
async def acm(n):
    print('aenter', n)
    try:
        yield n * 10
    finally:
        print('aexit', n)


async def main():
    async with acm(1) as v:
        print('v', v)
    try:
        async with acm(2):
            raise ValueError('inner')
    except ValueError as e:
        print('caught', e)
    async with nullcontext(3) as v:
        print(v)
    async with AsyncExitStack() as st:
        v = await st.enter_async_context(acm(4))
        st.callback(print, 'sync cb')

        async def acb():
            print('async cb')
        st.push_async_callback(acb)
        print('in astack', v)


asyncio.run(main())
