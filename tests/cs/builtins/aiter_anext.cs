# aiter()/anext() on async generators and __aiter__/__anext__ classes, with and without a default.
async def agen():
    yield 1
    yield 2

class AIt:
    def __init__(self):
        self.n = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        self.n += 1
        if self.n > 2:
            raise StopAsyncIteration
        return self.n * 10

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

async def main():
    g = agen()
    it = aiter(g)
    print(it is g, await anext(it), await anext(it), await anext(it, 'default'))
    a = aiter(AIt())
    print(await anext(a), await anext(a, 'x'), await anext(a, 'y'))
    try:
        await anext(a)
    except StopAsyncIteration:
        print('StopAsyncIteration')
    aw = anext(AIt(), None)
    print(type(aw).__name__, await aw)
    try:
        aiter(1)
    except TypeError as e:
        print(e)
    try:
        anext(1)
    except TypeError as e:
        print(e)
    return 'done'

print(run(main()))
