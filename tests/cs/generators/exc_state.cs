# The exception being handled inside a generator is its own: sys.exc_info() across yields, and chaining.
import sys


def handler():
    try:
        raise ValueError('inner')
    except ValueError:
        yield sys.exc_info()[0].__name__
        # Resumed from elsewhere, it still handles its own exception.
        yield repr(sys.exc_info()[1])
    # Out of its except block, it sees what its caller handles now.
    yield repr(sys.exc_info()[1])


it = handler()
print(next(it))
print(sys.exc_info())
try:
    raise KeyError('outer')
except KeyError:
    print(next(it))
    print(repr(sys.exc_info()[1]))
    print(next(it))
print(sys.exc_info())


# An exception raised in the generator gets the caller's handled one as context.
def raiser():
    raise IndexError('in generator')
    yield


try:
    raise KeyError('handled by caller')
except KeyError:
    try:
        next(raiser())
    except IndexError as e:
        print('context', repr(e.__context__))


# Thrown exceptions chain to what the generator handles.
def chains():
    try:
        yield
    except Exception as e:
        print('generator sees', repr(e), repr(e.__context__))
        raise TypeError('from generator')


x = chains()
next(x)
try:
    raise KeyError('ctx')
except KeyError:
    try:
        x.throw(ValueError('thrown'))
    except TypeError as e:
        print(repr(e), repr(e.__context__), repr(e.__context__.__context__))


# A bare raise in a generator re-raises what it handles, even after a yield.
def reraiser():
    try:
        raise OSError('first')
    except OSError:
        yield 'suspended in except'
        raise


g = reraiser()
print(next(g))
try:
    next(g)
except OSError as e:
    print('re-raised', e)


# With nothing handled at all, a bare raise is a RuntimeError.
def bare():
    raise
    yield


try:
    next(bare())
except RuntimeError as e:
    print('RuntimeError', e)


# Nested generators each keep their own.
def level2():
    try:
        raise KeyError('level2')
    except KeyError:
        yield repr(sys.exc_info()[1])
    yield repr(sys.exc_info()[1])


def level1():
    try:
        raise ValueError('level1')
    except ValueError:
        inner = level2()
        yield next(inner)
        yield repr(sys.exc_info()[1])
        yield next(inner)


print(list(level1()))


# finally on exhaustion sees nothing handled.
def fin():
    try:
        for i in range(2):
            yield i
    finally:
        print('finally', sys.exc_info())


print(list(fin()))
