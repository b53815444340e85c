# ExceptionGroup.split/subgroup/derive: matching by type, tuple of types and
# predicate, nested groups rebuilt through derive(), and the traceback,
# cause, context and notes each part inherits from the original.


def show(x):
    return "None" if x is None else repr(x)


def attempt(label, make):
    try:
        r = make()
        print(label, "->", show(r))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


leaf = [ValueError(1), TypeError(2), KeyError(3), ValueError(4)]
inner = ExceptionGroup("inner", [leaf[2], leaf[3]])
eg = ExceptionGroup("outer", [leaf[0], leaf[1], inner])

for cond in (ValueError, TypeError, KeyError, LookupError, OSError, (TypeError, KeyError),
             (OSError,), Exception, ExceptionGroup, BaseExceptionGroup):
    name = cond.__name__ if isinstance(cond, type) else str(tuple(c.__name__ for c in cond))
    m, r = eg.split(cond)
    print("split", name, "->", show(m), "|", show(r))
    print("subgroup", name, "->", show(eg.subgroup(cond)))

# Predicates see groups as well as leaves.
seen = []


def pred(e):
    seen.append(type(e).__name__)
    return isinstance(e, ValueError) and e.args[0] > 1


print(show(eg.subgroup(pred)))
print(seen)
print(eg.split(lambda e: False))
print(eg.split(lambda e: e is inner))
print(eg.subgroup(lambda e: True) is eg, eg.split(Exception)[0] is eg)
print(eg.subgroup(ValueError) is eg)

# Leaves are shared, groups are new.
m, r = eg.split(ValueError)
print(m.exceptions[0] is leaf[0], m.exceptions[1].exceptions[0] is leaf[3], m is eg)
print(type(m).__name__, type(m.exceptions[1]).__name__)

# A BaseExceptionGroup splits into the narrower class where it can.
bg = BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError(5)])
m, r = bg.split(ValueError)
print(show(m), show(r))
m, r = bg.split(KeyboardInterrupt)
print(show(m), show(r))

# Bad matchers and argument counts.
attempt("int", lambda: eg.subgroup(1))
attempt("not an exception type", lambda: eg.subgroup(int))
attempt("tuple with int", lambda: eg.subgroup((ValueError, 1)))
attempt("list", lambda: eg.split([ValueError]))
attempt("no arg", lambda: eg.split())
attempt("two args", lambda: eg.split(ValueError, TypeError))
attempt("subgroup no arg", lambda: eg.subgroup())
attempt("raising predicate", lambda: eg.subgroup(lambda e: 1 / 0))

# derive builds a plain group with the same message.
attempt("derive", lambda: eg.derive([OSError()]))
attempt("derive base", lambda: eg.derive([KeyboardInterrupt()]))
attempt("derive empty", lambda: eg.derive([]))
attempt("derive no arg", lambda: eg.derive())


class MyEG(ExceptionGroup):
    pass


class Coded(ExceptionGroup):
    def __new__(cls, message, excs, code):
        self = super().__new__(cls, message, excs)
        self.code = code
        return self

    def __init__(self, message, excs, code):
        super().__init__(message, excs)

    def derive(self, excs):
        return Coded(self.message, excs, self.code)


c = Coded("c", [ValueError(1), TypeError(2), MyEG("my", [ValueError(3), KeyError(4)])], 7)
m, r = c.split(ValueError)
print(show(m), show(r), m.code, r.code)
print(type(MyEG("x", [ValueError(), TypeError()]).subgroup(ValueError)).__name__)


class BadDerive(ExceptionGroup):
    def derive(self, excs):
        return 5


attempt("bad derive", lambda: BadDerive("b", [ValueError(), TypeError()]).split(ValueError))
attempt("bad derive whole", lambda: BadDerive("b", [ValueError()]).split(BadDerive))

# What the parts inherit.
try:
    try:
        raise KeyError("ctx")
    except KeyError:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
except ExceptionGroup as e:
    caught = e
m, r = caught.split(ValueError)
print(caught.__suppress_context__, m.__suppress_context__, r.__suppress_context__)
print(show(m.__cause__), show(m.__context__), show(r.__context__))
print(m.__traceback__ is caught.__traceback__, m.__traceback__ is not None)

try:
    raise ExceptionGroup("h", [ValueError(1), TypeError(2)]) from OSError("cause")
except ExceptionGroup as e:
    caught = e
caught.add_note("first")
caught.add_note("second")
m, r = caught.split(TypeError)
print(show(m.__cause__), m.__suppress_context__, m.__notes__, r.__notes__)
print(m.__notes__ is caught.__notes__, m.__notes__ is r.__notes__)
m.add_note("only m")
print(caught.__notes__, m.__notes__)
caught.__notes__ = ("tuple note",)
print(caught.subgroup(ValueError).__notes__)
caught.__notes__ = "ab"
print(caught.subgroup(ValueError).__notes__)
caught.__notes__ = 42
print(hasattr(caught.subgroup(ValueError), "__notes__"))
