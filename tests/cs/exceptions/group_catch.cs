# Raising and catching exception groups: `except Exception` catches an
# ExceptionGroup but not a BaseExceptionGroup of BaseExceptions; handlers
# see the group's attributes, chaining and notes.
import sys


def fail(n):
    if n % 2:
        raise ValueError(n)
    raise TypeError(n)


def gather(count):
    errors = []
    for i in range(count):
        try:
            fail(i)
        except Exception as e:
            errors.append(e)
    return errors


def run(make):
    try:
        raise make()
    except ExceptionGroup as e:
        print("ExceptionGroup handler:", type(e).__name__, e)
    except Exception as e:
        print("Exception handler:", type(e).__name__, e)
    except BaseExceptionGroup as e:
        print("BaseExceptionGroup handler:", type(e).__name__, e)
    except BaseException as e:
        print("BaseException handler:", type(e).__name__, e)


run(lambda: ExceptionGroup("three", gather(3)))
run(lambda: BaseExceptionGroup("promoted", gather(2)))
run(lambda: BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError()]))
run(lambda: BaseExceptionGroup("exit", [SystemExit(3)]))
run(lambda: ExceptionGroup("bad", [KeyboardInterrupt()]))

try:
    raise ExceptionGroup("plain", gather(2))
except Exception as e:
    print("caught by Exception:", repr(e))
    print([type(x).__name__ for x in e.exceptions], [x.args for x in e.exceptions])
    print(all(x.__traceback__ is not None for x in e.exceptions), e.__traceback__ is not None)

try:
    raise ExceptionGroup("tuple clause", [OSError()])
except (KeyError, BaseExceptionGroup) as e:
    print("tuple clause caught", type(e).__name__)

try:
    try:
        raise ExceptionGroup("inner", [ValueError()])
    except ExceptionGroup:
        print("exc_info:", sys.exc_info()[0].__name__)
        raise
except ExceptionGroup as e:
    print("re-raised", e.message)

# Chaining: implicit context, explicit cause, suppression.
try:
    try:
        {}["k"]
    except KeyError:
        raise ExceptionGroup("ctx", [ValueError()])
except ExceptionGroup as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)

try:
    try:
        raise ExceptionGroup("first", [ValueError()])
    except ExceptionGroup as first:
        raise RuntimeError("second") from first
except RuntimeError as e:
    print(repr(e.__cause__), e.__suppress_context__)

try:
    raise ExceptionGroup("none", [ValueError()]) from None
except ExceptionGroup as e:
    print(e.__cause__, e.__suppress_context__)

# Splitting inside a handler and re-raising the rest, as TaskGroup users do.
try:
    try:
        raise ExceptionGroup("mixed", [ValueError(1), TypeError(2), ValueError(3)])
    except ExceptionGroup as e:
        handled, rest = e.split(ValueError)
        print("handled", [x.args[0] for x in handled.exceptions])
        if rest is not None:
            raise rest
except ExceptionGroup as e:
    print("rest", repr(e), e.__context__ is not None)

# Notes.
eg = ExceptionGroup("noted", [ValueError()])
print(hasattr(eg, "__notes__"))
eg.add_note("one")
eg.add_note("two\nlines")
print(eg.__notes__)
try:
    eg.add_note(3)
except TypeError as e:
    print(e)
eg.__notes__ = "not a list"
try:
    eg.add_note("x")
except TypeError as e:
    print(e)
del eg.__notes__
eg.add_note("fresh")
print(eg.__notes__)
v = ValueError("v")
v.add_note("leaf")
print(v.__notes__, ExceptionGroup("g", [v]).exceptions[0].__notes__)

# A group is an ordinary object otherwise.
e1 = ExceptionGroup("same", [ValueError()])
print(e1 == e1, e1 == ExceptionGroup("same", [ValueError()]), bool(e1))
print(e1.with_traceback(None) is e1)
print(type(e1).__name__, e1.__class__.__mro__[1].__name__)
