# dataclasses: signatures and errors, KW_ONLY, InitVar, ClassVar, inheritance, frozen, hash rules, asdict, replace.
import typing
from dataclasses import *


@dataclass
class A:
    x: int
    y: 'str' = 'a'
    z: list = field(default_factory=list)
    w: typing.List[int] = field(default=None, repr=False)
    _: KW_ONLY
    k: int = 3


print(A.__doc__)
print(A(1), A(1, 'b', [1], k=5), A(x=2), A.y, hasattr(A, 'z'), A.__match_args__)
print([f.name for f in fields(A)], fields(A)[1].default, fields(A)[2].default_factory)
for args, kwargs in [((), {}), ((1, 2, 3, 4, 5), {}), ((1,), {'q': 2}), ((1,), {'x': 2}),
                     ((1, 2, 3, 4, 5, 6), {'k': 1})]:
    try:
        A(*args, **kwargs)
    except TypeError as e:
        print('TypeError', e)


@dataclass(frozen=True)
class F:
    x: int


try:
    F(1).x = 2
except FrozenInstanceError as e:
    print('FrozenInstanceError', e, isinstance(e, AttributeError))
try:
    del F(1).x
except FrozenInstanceError as e:
    print('FrozenInstanceError', e)
print(hash(F(1)) == hash((1,)), F(1) == F(1), F(1) != F(2), F(1) == 1)
try:
    @dataclass
    class B:
        x: int = 1
        y: int
except TypeError as e:
    print('TypeError', e)
try:
    @dataclass
    class C:
        x: list = []
except ValueError as e:
    print('ValueError', e)
try:
    @dataclass(order=True)
    class D:
        x: int

        def __lt__(self, o):
            return 1
except TypeError as e:
    print('TypeError', e)
try:
    field(default=1, default_factory=list)
except ValueError as e:
    print('ValueError', e)
for bad in [lambda: fields(3), lambda: asdict(3)]:
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)
print(InitVar[int])
print(make_dataclass('P', ['x', ('y', int), ('z', int, field(default=5))])(1, 2))


@dataclass
class Base:
    a: int
    b: int = 2


@dataclass
class Sub(Base):
    c: int = 3
    a: int = 0


print(Sub(), Sub(1, 2, 3), [f.name for f in fields(Sub)])


@dataclass
class WithPost:
    a: int
    scale: InitVar[int] = 2
    b: int = field(init=False)
    c: list = field(init=False, default_factory=list)
    cv: typing.ClassVar[int] = 10

    def __post_init__(self, scale):
        self.b = self.a * scale


w = WithPost(3)
print(w, WithPost(3, 5), vars(w), [f.name for f in fields(w)], WithPost.cv)
print(replace(w, a=10, scale=1))
try:
    replace(w, b=1)
except ValueError as e:
    print('ValueError', e)


@dataclass(eq=False)
class NoEq:
    x: int


@dataclass
class Unhashable:
    x: int


@dataclass(unsafe_hash=True)
class UH:
    x: int
    y: int = field(compare=False)


print(NoEq(1) == NoEq(1), Unhashable.__hash__, hash(UH(1, 2)) == hash((1,)))


@dataclass
class Node:
    val: int
    children: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)


n = Node(1, [Node(2), Node(3, [Node(4)])], {'k': (1, [2])})
print(asdict(n))
print(astuple(n))
print(is_dataclass(n), is_dataclass(Node), is_dataclass(3))


@dataclass(order=True)
class O:
    a: int
    b: str = ''


print(sorted([O(2, 'x'), O(1, 'z'), O(1, 'a')]), O(1) < O(2), O(1) >= O(1))
try:
    O(1) < 1
except TypeError as e:
    print('TypeError', e)
print(A.__init__.__qualname__, A.__repr__.__qualname__, A.__eq__.__qualname__)


@dataclass
class R:
    x: object = None


r = R()
r.x = r
print(r)
