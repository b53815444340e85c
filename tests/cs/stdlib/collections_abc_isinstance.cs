# isinstance/issubclass against collections.abc and abc.ABC: structural hooks, registered built-ins, register().
import collections.abc as C
from abc import ABC

checks = [([], 'Iterable'), ([], 'Sequence'), ([], 'MutableSequence'), ((), 'MutableSequence'),
          ({}, 'Mapping'), ({}, 'MutableMapping'), (set(), 'Set'), (frozenset(), 'MutableSet'),
          ('s', 'Sequence'), (iter([]), 'Iterator'), ((x for x in []), 'Generator'), (len, 'Callable'),
          (1, 'Hashable'), ([], 'Hashable'), (1, 'Iterable'), ({}.keys(), 'KeysView'),
          ({}.items(), 'Set'), (range(3), 'Sequence'), (b'', 'ByteString'), ([], 'Sized'),
          ([], 'Container'), ([], 'Collection'), ([], 'Reversible'), ({}, 'Reversible')]
for obj, name in checks:
    print(type(obj).__name__, name, isinstance(obj, getattr(C, name)))


class It:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration


print(isinstance(It(), C.Iterator), issubclass(It, C.Iterable), issubclass(It, C.Sequence))


class V:
    pass


C.Sequence.register(V)
print(isinstance(V(), C.Sequence), issubclass(V, C.Iterable), issubclass(V, C.Mapping))


class Plugin(ABC):
    pass


class Outside:
    pass


Plugin.register(Outside)
print(isinstance(Outside(), Plugin), issubclass(Outside, Plugin), isinstance(V(), Plugin))
print(issubclass(list, C.Sequence), issubclass(dict, (C.Sequence, C.Mapping)), isinstance(3, (str, C.Hashable)))
