# BaseExceptionGroup/ExceptionGroup construction: argument checks, the class
# chosen for the items, attributes, str/repr, hierarchy and subclassing.


def attempt(label, make):
    try:
        r = make()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


attempt("message int", lambda: BaseExceptionGroup(1, [ValueError()]))
attempt("eg message None", lambda: ExceptionGroup(None, [ValueError()]))
attempt("not a sequence", lambda: BaseExceptionGroup("m", 5))
attempt("a set", lambda: BaseExceptionGroup("m", {ValueError(1)}))
attempt("a dict", lambda: BaseExceptionGroup("m", {1: ValueError(1)}))
attempt("empty", lambda: BaseExceptionGroup("m", []))
attempt("empty tuple", lambda: ExceptionGroup("m", ()))
attempt("item 0", lambda: BaseExceptionGroup("m", [1]))
attempt("item 2", lambda: BaseExceptionGroup("m", [ValueError(), TypeError(), 3]))
attempt("a class", lambda: BaseExceptionGroup("m", [ValueError]))
attempt("a str", lambda: BaseExceptionGroup("m", "abc"))
attempt("one arg", lambda: BaseExceptionGroup("m"))
attempt("no args", lambda: ExceptionGroup())
attempt("three args", lambda: ExceptionGroup("m", [ValueError()], 3))
attempt("keywords only", lambda: ExceptionGroup(message="m", exceptions=[ValueError()]))
attempt("extra keyword", lambda: BaseExceptionGroup("m", [ValueError()], x=1))
attempt("nest base", lambda: ExceptionGroup("m", [ValueError(), KeyboardInterrupt()]))
attempt("base ok", lambda: BaseExceptionGroup("m", [KeyboardInterrupt()]))
attempt("tuple", lambda: BaseExceptionGroup("m", (ValueError(1),)))
attempt("range", lambda: BaseExceptionGroup("m", range(2)))


class Seq:
    def __getitem__(self, i):
        if i < 2:
            return KeyError(i)
        raise IndexError(i)


s = ExceptionGroup("seq", Seq())
print(s.exceptions, type(s.args[1]).__name__)

# BaseExceptionGroup picks ExceptionGroup when every item is an Exception.
print(type(BaseExceptionGroup("m", [ValueError(), OSError()])).__name__)
print(type(BaseExceptionGroup("m", [ValueError(), SystemExit()])).__name__)
print(type(BaseExceptionGroup("m", [ExceptionGroup("in", [ValueError()])])).__name__)
print(type(BaseExceptionGroup("m", [BaseExceptionGroup("in", [GeneratorExit()])])).__name__)

# Attributes: args keeps the sequence as given, exceptions is a tuple.
items = [ValueError("x"), TypeError(2)]
eg = ExceptionGroup("msg", items)
print(repr(eg))
print(str(eg))
print(eg.args, eg.args[1] is items)
print(eg.message, eg.exceptions, type(eg.exceptions).__name__)
print(eg.exceptions[0] is items[0], eg.exceptions is eg.exceptions)
items.append(KeyError())
print(len(eg.exceptions), str(eg))
print(str(ExceptionGroup("one", [ValueError()])))
print(repr(str(ExceptionGroup("", [ValueError()]))))
for name in ("message", "exceptions"):
    try:
        setattr(eg, name, "y")
    except AttributeError as e:
        print("set", name, "->", e)
    try:
        delattr(eg, name)
    except AttributeError as e:
        print("del", name, "->", e)
eg.args = ("a",)
print(repr(eg), str(eg), eg.message)
eg.__init__("zz", [])
print(repr(eg), eg.message)
print(eg.__reduce__())

# The hierarchy: ExceptionGroup derives from BaseExceptionGroup and Exception.
print(ExceptionGroup.__mro__)
print(BaseExceptionGroup.__mro__)
print(ExceptionGroup.__bases__, BaseExceptionGroup.__bases__)
print(ExceptionGroup.__name__, ExceptionGroup.__qualname__, ExceptionGroup.__module__)
print(BaseExceptionGroup.__doc__)
print(isinstance(eg, Exception), isinstance(eg, BaseExceptionGroup), isinstance(eg, BaseException))
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, Exception))
beg = BaseExceptionGroup("b", [KeyboardInterrupt()])
print(isinstance(beg, Exception), isinstance(beg, ExceptionGroup))
print(ExceptionGroup.__new__ is BaseExceptionGroup.__new__)
print(ExceptionGroup[ValueError], BaseExceptionGroup[int])
print(sorted(k for k in BaseExceptionGroup.__dict__ if not k.startswith("__") or k in ("__str__", "__new__", "__init__")))


# Subclasses: plain, of BaseExceptionGroup, and with __new__/__init__ overridden.
class MyEG(ExceptionGroup):
    pass


class MyBEG(BaseExceptionGroup):
    pass


class Coded(ExceptionGroup):
    def __new__(cls, message, excs, code):
        self = super().__new__(cls, message, excs)
        self.code = code
        return self

    def __init__(self, message, excs, code):
        super().__init__(message, excs)


class Both(ExceptionGroup, ValueError):
    pass


attempt("MyEG", lambda: MyEG("m", [ValueError()]))
attempt("MyEG base", lambda: MyEG("m", [KeyboardInterrupt()]))
attempt("MyEG keyword", lambda: MyEG("m", [ValueError()], x=1))
attempt("MyBEG base", lambda: MyBEG("m", [KeyboardInterrupt()]))
attempt("MyBEG exc", lambda: MyBEG("m", [ValueError()]))
attempt("Both", lambda: Both("b", [ValueError()]))
print(Both.__mro__)
c = Coded("coded", [ValueError(1)], 42)
print(repr(c), c.args, c.code, str(c))
attempt("Coded two args", lambda: Coded("c", [ValueError()]))
attempt("new on MyEG", lambda: BaseExceptionGroup.__new__(MyEG, "a", [ValueError()]))
attempt("new on int", lambda: BaseExceptionGroup.__new__(int, "a", [ValueError()]))
attempt("new on ValueError", lambda: BaseExceptionGroup.__new__(ValueError, "a", [ValueError()]))
m = MyEG("my", [ValueError()])
m.extra = "attr"
print(m.extra, isinstance(m, ExceptionGroup), type(m).__name__)
