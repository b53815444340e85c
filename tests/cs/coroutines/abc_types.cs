# Generators, coroutines and async generators against types.* and collections.abc (no inspect needed).
import types
import collections.abc as abc


def gen():
    yield 1


async def coro():
    pass


async def agen():
    yield


@types.coroutine
def gen_coro():
    yield


objects = [gen(), coro(), agen(), gen_coro(), (x for x in []), (x async for x in agen())]
abcs = [abc.Iterable, abc.Iterator, abc.Generator, abc.Awaitable, abc.Coroutine,
        abc.AsyncIterable, abc.AsyncIterator, abc.AsyncGenerator]
print([t.__name__ for t in abcs])
for o in objects:
    print(type(o).__name__, [int(isinstance(o, t)) for t in abcs])
print(isinstance(objects[0], types.GeneratorType), isinstance(objects[1], types.CoroutineType),
      isinstance(objects[2], types.AsyncGeneratorType))
print(issubclass(types.GeneratorType, abc.Generator), issubclass(types.CoroutineType, abc.Coroutine),
      issubclass(types.AsyncGeneratorType, abc.AsyncGenerator))
print(types.GeneratorType.__name__, types.CoroutineType.__name__, types.AsyncGeneratorType.__name__)
objects[1].close()


# A class implementing the protocols by hand is recognised by the ABCs.
class MyCoro:
    def __await__(self):
        return iter([])

    def send(self, v):
        pass

    def throw(self, *a):
        pass

    def close(self):
        pass


class MyAsyncIter:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise StopAsyncIteration


print(isinstance(MyCoro(), abc.Coroutine), isinstance(MyCoro(), abc.Awaitable),
      isinstance(MyAsyncIter(), abc.AsyncIterator), isinstance(MyAsyncIter(), abc.AsyncGenerator))

# Which dunders each type has.
for t in (types.GeneratorType, types.CoroutineType, types.AsyncGeneratorType):
    print(t.__name__, [n for n in ('__iter__', '__next__', '__await__', '__aiter__', '__anext__',
                                   '__del__', '__class_getitem__') if hasattr(t, n)])
