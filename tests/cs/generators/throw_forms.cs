# generator.throw in all its forms: instance, type, (type, value), (type, value, tb), and its errors.
import sys


def catcher():
    while True:
        try:
            yield 'ready'
        except ValueError as e:
            print('caught', type(e).__name__, e.args)
        except KeyError as e:
            print('finishing on', repr(e))
            return 'ret'


it = catcher()
next(it)
print(it.throw(ValueError('instance')))
print(it.throw(ValueError))
print(it.throw(ValueError, 'value'))
print(it.throw(ValueError, ('a', 'b')))
print(it.throw(ValueError, ValueError('value is an instance')))
print(it.throw(ValueError, None))
print(it.throw(ValueError, 'v', None))


# A value that is an instance of a subclass is used as is.
class MyError(ValueError):
    pass


print(it.throw(ValueError, MyError('sub')))

# Bad arguments are rejected before the generator resumes.
for args in [(ValueError, 'v', 5), (ValueError('a'), 'v'), (5,), (int,), (), (1, 2, 3, 4)]:
    try:
        it.throw(*args)
    except TypeError as e:
        print('TypeError', e)
print(next(it))

# The exception ends the generator: StopIteration carries the return value.
try:
    it.throw(KeyError, 'k')
except StopIteration as e:
    print('stop', e.value)

# Into a finished generator: the exception comes straight back.
try:
    it.throw(ValueError('after the end'))
except ValueError as e:
    print('ValueError', e)


# Into a generator that has not started: raised at its first line, which
# never runs, and the generator is finished.
def never():
    print('never printed')
    yield 1


x = never()
try:
    x.throw(IndexError('not started'))
except IndexError as e:
    print('IndexError', e)
print(x.gi_frame)
print(next(x, 'exhausted'))

# A traceback given as third argument ends up on the exception.
try:
    raise OSError('for its traceback')
except OSError as e:
    tb = e.__traceback__


def tb_user():
    try:
        yield
    except OSError as e:
        print('got', e, e.__traceback__ is not None)
        yield 'again'


y = tb_user()
next(y)
print(y.throw(OSError, OSError('z'), tb))


# StopIteration thrown in and not caught becomes RuntimeError (PEP 479).
def simple():
    yield 1


z = simple()
next(z)
try:
    z.throw(StopIteration)
except RuntimeError as e:
    print('RuntimeError', e, type(e.__cause__).__name__)

# Python 3.11 gives no DeprecationWarning for the (type, value, tb) form.
import warnings

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    g = catcher()
    next(g)
    g.throw(ValueError, 'x', None)
    print('warnings:', len(w))
