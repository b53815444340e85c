# contextlib: generator protocol errors, decorators, closing, nullcontext, redirect_stdout, ExitStack.
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
class Buffer:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)


buf = Buffer()
with redirect_stdout(buf) as target:
    print('hidden')
print('got', repr(''.join(buf.parts)), target is buf)
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
