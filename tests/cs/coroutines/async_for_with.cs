# async for and async with driven by hand, aiter/anext (with a default), and their error messages.
def run(coro):
    try:
        while True:
            v = coro.send(None)
            print('  passed up', v)
    except StopIteration as e:
        return e.value


class Tick:
    def __await__(self):
        yield 'tick'


async def agen(n):
    for i in range(n):
        await Tick()
        yield i


class Counter:
    # An async iterator written as a class.
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        self.i += 1
        if self.i > self.n:
            raise StopAsyncIteration
        return self.i


class Resource:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    async def __aenter__(self):
        print('enter', self.name)
        await Tick()
        return self.name.upper()

    async def __aexit__(self, typ, val, tb):
        print('exit', self.name, typ.__name__ if typ else None, val)
        return self.swallow


async def main():
    async for v in agen(2):
        print('agen', v)
    async for v in Counter(3):
        print('counter', v)
    else:
        print('loop else')
    async for v in Counter(5):
        if v == 2:
            continue
        if v == 4:
            break
        print('counter', v)
    async with Resource('a') as r:
        print('inside', r)
    async with Resource('b', swallow=True):
        raise KeyError('swallowed')
    try:
        async with Resource('c'):
            raise ValueError('propagates')
    except ValueError as e:
        print('caught', e)
    async with Resource('d') as d, Resource('e') as e:
        print('two', d, e)
    # aiter and anext
    it = aiter(Counter(2))
    print(type(it).__name__, await anext(it), await anext(it))
    print(await anext(it, 'default'))
    try:
        await anext(it)
    except StopAsyncIteration:
        print('StopAsyncIteration')
    g = agen(1)
    print(await anext(g, 'd'), await anext(g, 'd'), await anext(g, 'd'))
    aw = anext(Counter(1), 0)
    print(type(aw).__name__, await aw)
    return 'main done'


print(run(main()))


async def errors():
    class NoAiter:
        pass

    class AiterReturnsInt:
        def __aiter__(self):
            return 5

    class AnextNotAwaitable:
        def __aiter__(self):
            return self

        def __anext__(self):
            return 5

    for obj in (5, NoAiter(), AiterReturnsInt(), AnextNotAwaitable()):
        try:
            async for x in obj:
                pass
        except TypeError as e:
            print('TypeError', e)
    try:
        await anext(AnextNotAwaitable())
    except TypeError as e:
        print('TypeError', e)

    class AenterNotAwaitable:
        def __aenter__(self):
            return 1

        async def __aexit__(self, *a):
            pass

    class AexitNotAwaitable:
        async def __aenter__(self):
            return 1

        def __aexit__(self, *a):
            return 2

    class NoAexit:
        async def __aenter__(self):
            pass

    class NoAenter:
        async def __aexit__(self, *a):
            pass

    for obj in (AenterNotAwaitable(), AexitNotAwaitable(), NoAexit(), NoAenter(), 5):
        try:
            async with obj:
                pass
        except (TypeError, AttributeError) as e:
            print(type(e).__name__, e)
    for call in (lambda: aiter(5), lambda: aiter(NoAiter()), lambda: anext(5), lambda: anext(Counter(1), 1, 2)):
        try:
            call()
        except TypeError as e:
            print('TypeError', e)


run(errors())
