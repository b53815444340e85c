# async def, await, async with, async for and async generators driven by hand with send().
import types

@types.coroutine
def suspend(value):
    got = yield value
    return got

async def add(a, b):
    x = await suspend('pause')
    return a + b + x

def run(coro, sends=()):
    out = []
    try:
        out.append(coro.send(None))
        for s in sends:
            out.append(coro.send(s))
    except StopIteration as e:
        out.append(('result', e.value))
    return out

print(run(add(1, 2), [100]))

class ACM:
    async def __aenter__(self):
        print('aenter')
        await suspend('in aenter')
        return 'resource'
    async def __aexit__(self, t, v, tb):
        print('aexit', t.__name__ if t else None)
        return True

async def use_acm():
    async with ACM() as r:
        print('using', r)
        raise KeyError('swallowed')
    return 'after with'

print(run(use_acm(), [None, None]))

class Ticker:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i

async def consume():
    total = []
    async for v in Ticker(3):
        total.append(v)
    else:
        total.append('else')
    return total

print(run(consume()))

async def agen(n):
    for i in range(n):
        yield i * 10
        await suspend('tick')

async def collect():
    return [v async for v in agen(3)]

print(run(collect(), [None] * 5))

async def comp_await():
    return [await add(i, 0) for i in range(2)]
print(run(comp_await(), [1, 2]))

async def nothing():
    pass
c = nothing()
print(type(c).__name__)
print(run(c))
print(type(agen(1)).__name__)
