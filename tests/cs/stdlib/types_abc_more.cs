# types.SimpleNamespace and type names; abc.ABC abstract methods; collections.abc mixin methods.
import types
import collections.abc as cabc
from abc import ABC, abstractmethod
from types import SimpleNamespace

ns = SimpleNamespace(a=1, b='x')
ns.c = [1]
print(ns, ns == SimpleNamespace(a=1, b='x', c=[1]), ns != SimpleNamespace(), SimpleNamespace())


class Sub(SimpleNamespace):
    pass


print(Sub(q=1))
try:
    SimpleNamespace(1)
except TypeError as e:
    print('TypeError', e)
ns.self = ns
print(ns)


def gen():
    yield 1


print(isinstance(gen(), types.GeneratorType), isinstance(lambda: 0, types.FunctionType),
      types.LambdaType is types.FunctionType, isinstance(len, types.BuiltinFunctionType),
      isinstance(types, types.ModuleType), types.NoneType)


class K:
    def m(self):
        pass


print(isinstance(K().m, types.MethodType), isinstance(print, types.BuiltinFunctionType))


C = types.new_class('C', (K,), {}, lambda ns: ns.update(x=1))
print(C.x, C.__mro__[1] is K)


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...


class Sq(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s ** 2


for cls in (Shape, Sq):
    try:
        cls(2)
    except TypeError as e:
        print('TypeError', e)
try:
    Shape()
except TypeError as e:
    print('TypeError', e)


class Full(Sq):
    def perimeter(self):
        return 4 * self.s


print(Full(3).area(), Full(3).perimeter())


class MyMap(cabc.Mapping):
    def __init__(self, d):
        self.d = d

    def __getitem__(self, k):
        return self.d[k]

    def __len__(self):
        return len(self.d)

    def __iter__(self):
        return iter(self.d)


m = MyMap({'a': 1, 'b': 2})
print(m.get('a'), m.get('z', 0), 'a' in m, list(m.keys()), list(m.items()), list(m.values()),
      m == MyMap({'b': 2, 'a': 1}), len(m.keys()))


class MySeq(cabc.MutableSequence):
    def __init__(self):
        self.l = []

    def __getitem__(self, i):
        return self.l[i]

    def __setitem__(self, i, v):
        self.l[i] = v

    def __delitem__(self, i):
        del self.l[i]

    def __len__(self):
        return len(self.l)

    def insert(self, i, v):
        self.l.insert(i, v)


s = MySeq()
s.extend([3, 1, 2])
s.append(5)
s.reverse()
s += [7]
print(list(s), s.index(1), s.count(2), 2 in s, list(reversed(s)), s.pop(), s.pop(0), list(s))
try:
    cabc.Sized()
except TypeError as e:
    print('TypeError', e)
try:
    cabc.MutableMapping()
except TypeError as e:
    print('TypeError', e)
