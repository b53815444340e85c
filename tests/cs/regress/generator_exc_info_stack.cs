# Regression: a generator shared one "exception being handled" slot with its
# caller. PUSH_EXC_INFO inside the generator saved whatever the caller was
# handling at that moment, and POP_EXCEPT restored it later, when the caller
# had long moved on: after leaving an except block, sys.exc_info() in the
# generator answered None although its caller was handling KeyError. Each
# generator now runs on its own level, with the caller's below it, as
# CPython's exc_info stack.
import sys


def gen():
    try:
        raise ValueError('own')
    except ValueError:
        yield 'in except'
    yield repr(sys.exc_info()[1])


g = gen()
print(next(g))
try:
    raise KeyError('caller')
except KeyError:
    print(next(g))
