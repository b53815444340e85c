# Zero-argument super() and __class__ through the implicit class cell.
class Base:
    def greet(self):
        return 'base'
    @classmethod
    def make(cls):
        return cls.__name__

class Child(Base):
    def greet(self):
        return 'child+' + super().greet()
    def klass(self):
        return __class__.__name__
    @classmethod
    def make(cls):
        return 'child:' + super().make()
    def nested(self):
        def inner():
            return __class__
        return inner().__name__

c = Child()
print(c.greet(), c.klass(), Child.make(), c.nested())

class GrandChild(Child):
    def greet(self):
        return 'grand+' + super().greet()
print(GrandChild().greet(), GrandChild().klass())

class WithInit(Base):
    def __init__(self, v):
        super().__init__()
        self.v = v
print(WithInit(3).v)

class Q:
    """Doc of Q."""
    x: int = 5
    y: str
    def m(self):
        "method doc"
print(Q.__doc__, Q.m.__doc__, Q.__annotations__, Q.__qualname__, Q.__module__)

def factory():
    class Local:
        def meth(self):
            pass
    return Local
L = factory()
print(L.__qualname__, L.meth.__qualname__)

class Outer:
    class Inner:
        def f(self):
            def g():
                pass
            return g
print(Outer.Inner.__qualname__, Outer.Inner.f.__qualname__, Outer.Inner().f().__qualname__)
print((lambda: 0).__qualname__, [lambda: 0 for _ in 'a'][0].__qualname__)

class Mangle:
    __secret = 1
    def get(self):
        return self.__secret
    def names(self):
        __local = 2
        return __local
print(Mangle().get(), Mangle().names(), hasattr(Mangle, '_Mangle__secret'), hasattr(Mangle, '__secret'))
