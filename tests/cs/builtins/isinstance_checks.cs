# isinstance/issubclass with tuples and nested tuples, callable, hash, id, len.
class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, A), isinstance(b, (C, A)), isinstance(b, (C, (int, B))), isinstance(b, ()))
print(issubclass(B, A), issubclass(A, B), issubclass(B, (C, A)), issubclass(bool, (str, int)))
print(isinstance(1, (float, str)), isinstance(True, int), isinstance(None, type(None)))
print(callable(len), callable(A), callable(b), callable(lambda: 0), callable(3))
print(hash(7), hash(-1), hash(True), hash(1.0) == hash(1), hash('x') == hash('x'), hash((1, 2)) == hash((1, 2)))
print(id(b) == id(b), id(A()) != id(b) or True, type(id(3)).__name__)
print(len('héllo'), len([1, 2]), len({}), len(range(100)), len(b'ab'), len({1, 2, 2}))

class Sized:
    def __len__(self):
        return 3
print(len(Sized()))
for t, fn in [('isinstance(1, 2)', lambda: isinstance(1, 2)),
          ('issubclass(1, int)', lambda: issubclass(1, int)),
          ('hash([])', lambda: hash([])),
          ('len(5)', lambda: len(5)),
          ('len()', lambda: len()),
          ('len([], [])', lambda: len([], [])),
          ('isinstance(1)', lambda: isinstance(1)),
          ('callable()', lambda: callable()),
          ('hash({})', lambda: hash({}))]:
    try:
        fn()
    except TypeError as e:
        print(t, '->', e)
