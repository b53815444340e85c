# Generator errors: already executing, StopIteration inside (PEP 479), bad yield from targets.
def again():
    yield next(me)


me = again()
try:
    next(me)
except ValueError as e:
    print('ValueError', e)


def by_send():
    me2.send(None)
    yield


me2 = by_send()
try:
    next(me2)
except ValueError as e:
    print('ValueError', e)


def by_throw():
    me3.throw(KeyError)
    yield


me3 = by_throw()
try:
    next(me3)
except ValueError as e:
    print('ValueError', e)


def by_close():
    me4.close()
    yield


me4 = by_close()
try:
    next(me4)
except ValueError as e:
    print('ValueError', e)


# StopIteration escaping a generator becomes RuntimeError, chained as its cause.
def leaks_stop():
    yield 1
    raise StopIteration('oops')


b = leaks_stop()
next(b)
try:
    next(b)
except RuntimeError as e:
    print('RuntimeError', e, repr(e.__cause__), e.__suppress_context__,
          e.__context__ is e.__cause__)
print(b.gi_frame)


def next_on_empty():
    next(iter([]))
    yield


try:
    list(next_on_empty())
except RuntimeError as e:
    print('RuntimeError', e, type(e.__cause__).__name__)


# A subclass of StopIteration too.
class MyStop(StopIteration):
    pass


def leaks_sub():
    raise MyStop
    yield


try:
    next(leaks_sub())
except RuntimeError as e:
    print('RuntimeError', e, type(e.__cause__).__name__)


# yield from something that is not iterable.
def from_int():
    yield from 5


try:
    next(from_int())
except TypeError as e:
    print('TypeError', e)


# A coroutine cannot be delegated to from a plain generator.
async def coro():
    pass


def from_coro():
    c = coro()
    try:
        yield from c
    finally:
        c.close()


try:
    next(from_coro())
except TypeError as e:
    print('TypeError', e)


# An exception raised in the generator propagates with it finished.
def boom():
    yield 1
    raise KeyError('boom')


g = boom()
next(g)
try:
    next(g)
except KeyError as e:
    print('KeyError', e, g.gi_frame, g.gi_running)
print(next(g, 'finished'))
