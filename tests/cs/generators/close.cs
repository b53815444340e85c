# generator.close and GeneratorExit: finally blocks, ignoring it, returning, raising instead.
def cleanup():
    try:
        yield 1
        yield 2
    finally:
        print('cleanup')


x = cleanup()
next(x)
print(x.close(), x.close())
x = cleanup()
x.close()
print('closed before start', x.gi_frame)
print(next(x, 'nothing'))


# Catching GeneratorExit and yielding again is an error.
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print('ignoring GeneratorExit')
    yield 2


x = stubborn()
next(x)
try:
    x.close()
except RuntimeError as e:
    print('RuntimeError', e)
# ...and the generator stays suspended at its second yield.
print(x.gi_suspended, next(x, 'end'), x.gi_suspended)


# Returning on GeneratorExit is a clean close (3.11's close() returns None).
def returns():
    try:
        yield 1
    except GeneratorExit:
        return 5


x = returns()
next(x)
print(x.close())


# Another exception replaces it and propagates from close().
def raises():
    try:
        yield 1
    except GeneratorExit:
        raise ValueError('during close')


x = raises()
next(x)
try:
    x.close()
except ValueError as e:
    print('ValueError', e, type(e.__context__).__name__)


# GeneratorExit has no arguments; it is a BaseException only.
def inspect_it():
    try:
        yield
    except GeneratorExit as e:
        print('args', e.args, repr(e))
        raise


x = inspect_it()
next(x)
x.close()
print(issubclass(GeneratorExit, Exception), issubclass(GeneratorExit, BaseException))


# StopIteration raised while closing: RuntimeError (PEP 479).
def stop_on_close():
    try:
        yield
    except GeneratorExit:
        raise StopIteration


x = stop_on_close()
next(x)
try:
    x.close()
    print('close ok')
except RuntimeError as e:
    print('RuntimeError', e)

# Closing a finished generator does nothing.
x = cleanup()
print(list(x))
x.close()
print('ok')

# throw(GeneratorExit) is an ordinary throw: it propagates.
x = cleanup()
next(x)
try:
    x.throw(GeneratorExit)
except GeneratorExit:
    print('GeneratorExit propagated')


# A with block inside the generator sees GeneratorExit in __exit__.
class Manager:
    def __enter__(self):
        print('enter')
        return self

    def __exit__(self, *exc):
        print('exit', exc[0].__name__ if exc[0] else None)


def with_block():
    with Manager():
        yield 'inside'


x = with_block()
print(next(x))
x.close()


# return inside finally swallows the exception being propagated.
def return_in_finally():
    try:
        yield 1
    finally:
        return 'from finally'


x = return_in_finally()
next(x)
try:
    x.throw(KeyError)
except StopIteration as e:
    print('StopIteration', e.value)
