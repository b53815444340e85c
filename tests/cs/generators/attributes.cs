# Generator attributes: gi_running, gi_frame and its f_* fields, gi_code, gi_suspended, gi_yieldfrom, names, repr, type.
import types


def gen(a, b=2):
    c = a + b

    def inner():
        return c + a
    yield inner()
    x = yield sorted(locals())
    yield me.gi_running, me.gi_frame.f_lineno, sorted(me.gi_frame.f_locals)


me = gen(1)
print(me.gi_running, me.gi_yieldfrom, me.gi_suspended)
f = me.gi_frame
print(type(f).__name__, f is me.gi_frame, f.f_code is me.gi_code, f.f_code.co_name)
print(f.f_lineno, sorted(f.f_locals.items()))
print(next(me))
print(f.f_lineno, me.gi_suspended, sorted(f.f_locals))
print(next(me))
print(next(me))
print(f.f_globals is globals(), f.f_back, type(f) is types.FrameType)
r = repr(f)
print(r[:r.index(' at ')], r[r.index(', file'):].replace(__file__, 'FILE'))
print(list(me), me.gi_frame, me.gi_running, me.gi_suspended)

# gi_code
code = me.gi_code
print(code.co_name, code.co_qualname, code.co_varnames, code.co_argcount)
print(code.co_flags & 0x20 != 0, code.co_flags)

# __name__ and __qualname__ come from the function and can be rebound.
g = gen(1)
print(g.__name__, g.__qualname__)
g.__name__ = 'renamed'
g.__qualname__ = 'Q.renamed'
print(g.__name__, g.__qualname__, gen.__name__, gen(0).__name__)
print(repr(g).startswith('<generator object Q.renamed at 0x'))
for bad in [5, None]:
    try:
        g.__name__ = bad
    except TypeError as e:
        print('TypeError', e)
    try:
        g.__qualname__ = bad
    except TypeError as e:
        print('TypeError', e)
try:
    del g.__name__
except TypeError as e:
    print('TypeError', e)


class C:
    def method(self):
        yield 1

    @staticmethod
    def static():
        yield

    class Inner:
        def deep(self):
            yield


print(C().method().__qualname__, C.static().__name__, C.Inner().deep().__qualname__)

# The type: not instantiable, not subclassable, no __dict__.
print(type(g) is types.GeneratorType, types.GeneratorType.__name__, types.GeneratorType.__module__)
try:
    types.GeneratorType()
except TypeError as e:
    print('TypeError', e)
try:
    class Sub(types.GeneratorType):
        pass
except TypeError as e:
    print('TypeError', e)
print(hasattr(g, '__dict__'))
try:
    g.anything = 1
except AttributeError as e:
    print('AttributeError', e)
print(sorted(n for n in dir(g) if not n.startswith('__')))
print([n for n in ('__iter__', '__next__', '__del__', 'send', 'throw', 'close') if hasattr(g, n)])
