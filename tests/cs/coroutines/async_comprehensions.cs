# Async comprehensions and async generator expressions, with await in them, driven by hand.
def run(coro):
    try:
        while True:
            v = coro.send(None)
            print('  passed up', v)
    except StopIteration as e:
        return e.value


class Tick:
    def __init__(self, v):
        self.v = v

    def __await__(self):
        yield ('tick', self.v)
        return self.v


async def agen(n):
    for i in range(n):
        yield await Tick(i)


async def double(x):
    return x * 2


async def main():
    print([v async for v in agen(3)])
    print({v: v * v async for v in agen(3)})
    print(sorted({v % 2 async for v in agen(4)}))
    print([v async for v in agen(6) if v % 2 async for w in agen(v) if w == 0])
    # await inside ordinary comprehensions of an async function
    print([await double(i) for i in range(3)])
    print({i: await double(i) for i in range(2)})
    # async generator expressions are async generators
    ge = (v * 10 async for v in agen(3))
    print(type(ge).__name__, ge.__name__)
    print([x async for x in ge])
    ge2 = (await double(v) async for v in agen(2))
    print([x async for x in ge2])
    # a plain generator expression with await in it is an async generator too
    ge3 = (await double(i) for i in range(2))
    print(type(ge3).__name__, [x async for x in ge3])
    # nested: the comprehension iterates an async generator made by another
    print([[w async for w in agen(v)] async for v in agen(3)])
    return 'done'


print(run(main()))


# An async generator expression is lazy: nothing runs until it is iterated.
async def noisy(n):
    for i in range(n):
        print('produce', i)
        yield i


async def lazy():
    ge = (v async for v in noisy(2))
    print('created')
    async for v in ge:
        print('consume', v)


run(lazy())
