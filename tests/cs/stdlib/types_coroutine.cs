# types.coroutine: a generator-based coroutine awaited from an async def, driven by hand with send().
import types


@types.coroutine
def suspend(tag):
    got = yield tag
    return got * 2


async def main():
    a = await suspend('first')
    b = await suspend('second')
    return a + b


c = main()
print(c.send(None))
print(c.send(10))
try:
    c.send(1)
except StopIteration as e:
    print('result', e.value)


@types.coroutine
def plain():
    return 'no yield'


print(plain(), types.coroutine(main) is main)
try:
    types.coroutine(3)
except TypeError as e:
    print('TypeError', e)
