# yield from: send, throw and close reach the sub-generator or plain iterator; its return value comes back.
def sub():
    try:
        x = yield 'a'
        print('sub got', x)
        y = yield 'b'
        print('sub got', y)
    except ValueError as e:
        print('sub caught', e)
        yield 'c'
    finally:
        print('sub finally')
    return 'sub result'


def delegator():
    r = yield from sub()
    print('delegator got', r)
    yield 'z'
    return 'delegator result'


d = delegator()
print(next(d), d.gi_yieldfrom.__name__)
print(d.send(1))
print(d.send(2))
print(d.gi_yieldfrom)
try:
    next(d)
except StopIteration as e:
    print('stop', e.value)

d = delegator()
next(d)
print(d.throw(ValueError('thrown at the delegator')))
print(next(d))
d.close()
d = delegator()
next(d)
d.close()
print('closed', d.gi_yieldfrom, d.gi_frame)


# Plain iterators: values pass through, the return value is None.
def from_iterables():
    r = yield from [1, 2, 3]
    print('r', r)
    r = yield from iter(range(2))
    print('r', r)
    yield from 'ab'


print(list(from_iterables()))


# send() to a delegate that has no send method: AttributeError.
def to_list_iterator():
    yield from iter([1, 2])


x = to_list_iterator()
next(x)
try:
    x.send(5)
except AttributeError as e:
    print('AttributeError', e)


# throw() into a delegate with no throw method: raised in the delegator.
def catches_around():
    try:
        yield from iter([1, 2])
    except KeyError:
        print('delegator caught KeyError')
        yield 'k'


x = catches_around()
next(x)
print(x.throw(KeyError))


# An iterator class with send/throw/close gets them called, with throw's
# arguments exactly as given.
class Chatty:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        return self.n

    def send(self, v):
        print('Chatty.send', v)
        return v

    def throw(self, *args):
        print('Chatty.throw', args)
        return 99

    def close(self):
        print('Chatty.close')


def over_chatty():
    r = yield from Chatty()
    print('never', r)


x = over_chatty()
print(next(x), x.send('hi'), x.send(None))
print(x.throw(ValueError))
print(x.throw(ValueError, 'a'))
e = ValueError('inst')
print(x.throw(e) == 99)
x.close()


# A delegate's throw() that raises StopIteration ends the delegation with its value.
class Finishes(Chatty):
    def throw(self, *args):
        raise StopIteration('finished by throw')


def over_finishes():
    r = yield from Finishes()
    print('result', r)
    yield 'after'


x = over_finishes()
next(x)
print(x.throw(ValueError))


# Return values travel up a chain of delegations.
def a():
    yield 1
    return 'A'


def b():
    ra = yield from a()
    return ra + 'B'


def c():
    rb = yield from b()
    return rb + 'C'


x = c()
print(next(x))
try:
    next(x)
except StopIteration as e:
    print(e.value)

# yield from an exhausted generator returns None at once.
done = a()
list(done)


def over_done():
    r = yield from done
    print('over_done', r)


print(list(over_done()))


# gi_yieldfrom and gi_running while the inner one runs.
def inner():
    print('inner running', outer_gen.gi_running, inner_gen.gi_running)
    yield


def outer():
    yield from inner_gen


inner_gen = inner()
outer_gen = outer()
next(outer_gen)
print(outer_gen.gi_yieldfrom is inner_gen)


# An exception from the sub-generator's close propagates from close().
def bad_close():
    try:
        yield
    finally:
        raise KeyError('in sub close')


def over_bad_close():
    try:
        yield from bad_close()
    except KeyError as e:
        print('delegator sees', repr(e))
        raise


x = over_bad_close()
next(x)
try:
    x.close()
except KeyError as e:
    print('close raised', repr(e))


# Deep chains of delegation.
def deep(n):
    if n == 0:
        yield 'bottom'
        return 0
    r = yield from deep(n - 1)
    return r + 1


d = deep(200)
print(next(d))
try:
    next(d)
except StopIteration as e:
    print(e.value)
