# typing: alias reprs, Union/Optional normalisation, get_origin/get_args, Generic, NamedTuple, TypedDict, errors.
import typing as t
from typing import *

T = TypeVar('T')
S = TypeVar('S', bound=int)
U = TypeVar('U', int, str, covariant=True)
print(T, S, U, T.__name__, S.__bound__, U.__constraints__)
print(List[int], Dict[str, List[int]], Optional[int], Union[int, str], Union[int, None, str])
print(Union[int], Union[int, Union[str, int]], Tuple[int, ...], Tuple[()], Callable[[int, str], bool])
print(Callable[..., int], Callable[[], None], Type[int], Literal['a', 1], ClassVar[int], Final[int])
print(Any, List, Optional, Union, Annotated[int, 'm'], List[T], List[T][int], Dict[T, S][str, int])
print(Optional[int].__args__, get_origin(List[int]), get_args(Dict[str, int]), get_origin(Union[int, str]),
      get_args(Callable[[int], str]), get_origin(Literal[1]))
print(Union[int, str] == Union[str, int], List[int] == List[int], hash(List[int]) == hash(List[int]))
CASES = [
    ('isinstance(1, Any)', lambda: isinstance(1, Any)),
    ('isinstance([], List[int])', lambda: isinstance([], List[int])),
    ('List[int, str]', lambda: List[int, str]),
    ('Any()', lambda: Any()),
    ('List()', lambda: List()),
    ('Generic[int]', lambda: Generic[int]),
    ('Optional[int, str]', lambda: Optional[int, str]),
    ('Union[()]', lambda: Union[()]),
    ('isinstance(1, Union[int, str])', lambda: isinstance(1, Union[int, str])),
    ('Literal[1](1)', lambda: Literal[1](1)),
]
for bad, fn in CASES:
    try:
        print(bad, fn())
    except Exception as e:
        print(bad, type(e).__name__, e)


class Stack(Generic[T]):
    def __init__(self):
        self.items: List[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)


s = Stack[int]()
s.push(3)
print(Stack[int], s.items)


class P(NamedTuple):
    """A point."""
    x: int
    y: str = 'a'

    def show(self):
        return '<%d>' % self.x


print(P(1), P._fields, P._field_defaults, P.__annotations__, P(1, 'b')._replace(x=3),
      isinstance(P(1), tuple), P(2).show(), P.__doc__, P(1) == (1, 'a'))
try:
    P()
except TypeError as e:
    print('TypeError', e)
P2 = NamedTuple('P2', [('a', int), ('b', int)])
print(P2(1, 2), P2.__annotations__)


class Movie(TypedDict):
    name: str
    year: int


class Movie2(Movie, total=False):
    extra: int


m = Movie(name='x', year=1)
print(m, type(m), sorted(Movie.__required_keys__), Movie.__total__, sorted(Movie2.__required_keys__),
      sorted(Movie2.__optional_keys__), Movie2.__total__)
print(cast(int, 'x'), TYPE_CHECKING)
UserId = NewType('UserId', int)
print(UserId(5), UserId)


def f(a: int, b: 'str' = None) -> List[int]:
    pass


print(get_type_hints(f))
print(isinstance([], t.List), isinstance({}, t.Dict), issubclass(list, t.List))


@overload
def g(x: int) -> int:
    ...


try:
    g(1)
except NotImplementedError as e:
    print('NotImplementedError', e)
print(t.Text, t.AnyStr, t.NoReturn, t.Deque[int], t.DefaultDict[str, int], t.Iterator[int],
      t.Generator[int, None, None], t.Mapping, t.Sequence[int], t.Awaitable[int])
print(t.Coroutine[Any, Any, int], t.AsyncIterator[int], t.Set[int], t.FrozenSet[int], t.Counter[str],
      t.ChainMap, t.OrderedDict[str, int], t.Hashable, t.Sized, t.ContextManager[int])
print(t.Deque([1]), t.DefaultDict(int), Literal['a'] == Literal['a'], Optional[List[T]][int])
print(get_args(Annotated[int, 'a', 'b']), get_origin(ClassVar[int]), get_args(Tuple[int, ...]), get_args(int))


def annotated(x: Dict[str, Optional[int]], *rest: Tuple[int, ...]) -> Union[int, str]:
    return 1


print(annotated.__annotations__)
