# "coroutine ... was never awaited" through the warnings module when collected; dropped suspended ones are closed.
import gc
import warnings


async def f():
    print('never runs')


async def g():
    return 1


def show(log):
    for m in log:
        print(m.category.__name__, m.message)


with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter('always')
    f()
    gc.collect()
show(log)

# Closed, or run, or thrown into: no warning.
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter('always')
    c = f()
    c.close()
    d = g()
    try:
        d.send(None)
    except StopIteration:
        pass
    e = g()
    try:
        e.throw(KeyError)
    except KeyError:
        pass
    del c, d, e
    gc.collect()
print(len(log))


# A method coroutine shows its qualified name.
class Service:
    async def fetch(self):
        pass


with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter('always')
    Service().fetch()
    gc.collect()
show(log)

# Ignored by a filter: nothing recorded.
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter('ignore', RuntimeWarning)
    f()
    gc.collect()
print(len(log))


# A suspended coroutine that is dropped is closed instead (its finally runs).
class Pause:
    def __await__(self):
        yield


async def suspended():
    try:
        await Pause()
    finally:
        print('finally of the dropped coroutine')


with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter('always')
    s = suspended()
    s.send(None)
    del s
    gc.collect()
print(len(log))


# An async generator dropped inside try/finally is closed the same way.
async def agen():
    try:
        yield 1
    finally:
        print('finally of the dropped async generator')


a = agen()
try:
    a.asend(None).send(None)
except StopIteration as e:
    print('yielded', e.value)
del a
gc.collect()
print('end')
