# collections: deque, defaultdict, OrderedDict, Counter, namedtuple and
# ChainMap, written in cs. UserDict/UserList/UserString live in
# collections/_user.cs (loaded on first use), the abstract base classes in
# collections/abc.cs, argument binding for namedtuple's __new__ in _argbind.cs.

from _argbind import bind as _bind

__all__ = ['ChainMap', 'Counter', 'OrderedDict', 'UserDict', 'UserList', 'UserString',
           'defaultdict', 'deque', 'namedtuple']

_GenericAlias = type(list[int])
_KEYWORDS = frozenset([
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class',
    'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global',
    'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return',
    'try', 'while', 'with', 'yield'])


def _class_getitem(cls, item):
    return _GenericAlias(cls, item)


def _repr_guard(fill):
    # Makes a recursive container print fill for itself (reprlib's job in CPython).
    def decorate(func):
        running = set()

        def wrapper(self):
            key = id(self)
            if key in running:
                return fill
            running.add(key)
            try:
                return func(self)
            finally:
                running.discard(key)
        wrapper.__name__ = func.__name__
        wrapper.__qualname__ = func.__qualname__
        return wrapper
    return decorate


# ---------------------------------------------------------------------------
# deque: the items are _items[_head:]; the slots before _head are free room
# for appendleft, reclaimed when more than half of the list is free.

def _check_index(i):
    if not isinstance(i, int):
        if hasattr(type(i), '__index__'):
            return type(i).__index__(i)
        raise TypeError("sequence index must be integer, not '%s'" % type(i).__name__)
    return i


_NOTHING = object()


class deque:
    """A list-like sequence optimized for data accesses near its endpoints."""

    def __init__(self, iterable=_NOTHING, maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError('an integer is required')
            if maxlen < 0:
                raise ValueError('maxlen must be non-negative')
        self._maxlen = maxlen
        self._items = []
        self._head = 0
        self._state = 0
        if iterable is not _NOTHING:
            self.extend(iterable)

    @property
    def maxlen(self):
        """maximum size of a deque or None if unbounded"""
        return self._maxlen

    def __len__(self):
        return len(self._items) - self._head

    def __bool__(self):
        return len(self._items) > self._head

    def _list(self):
        if self._head:
            return self._items[self._head:]
        return self._items[:]

    def _trim_front(self):
        # Drops the free slots before _head once they are half the list.
        head = self._head
        if head >= 16 and head * 2 >= len(self._items):
            del self._items[:head]
            self._head = 0

    def append(self, x):
        """Add an element to the right side of the deque."""
        self._state += 1
        maxlen = self._maxlen
        if maxlen is not None and len(self._items) - self._head >= maxlen:
            if maxlen == 0:
                return
            self._items[self._head] = None
            self._head += 1
            self._items.append(x)
            self._trim_front()
            return
        self._items.append(x)

    def appendleft(self, x):
        """Add an element to the left side of the deque."""
        self._state += 1
        maxlen = self._maxlen
        if maxlen is not None and len(self._items) - self._head >= maxlen:
            if maxlen == 0:
                return
            self._items.pop()
        if self._head == 0:
            room = len(self._items) + 8
            self._items[:0] = [None] * room
            self._head = room
        self._head -= 1
        self._items[self._head] = x

    def pop(self):
        """Remove and return the rightmost element."""
        if len(self._items) == self._head:
            raise IndexError('pop from an empty deque')
        self._state += 1
        x = self._items.pop()
        if len(self._items) == self._head:
            self._items = []
            self._head = 0
        return x

    def popleft(self):
        """Remove and return the leftmost element."""
        head = self._head
        if len(self._items) == head:
            raise IndexError('pop from an empty deque')
        self._state += 1
        x = self._items[head]
        self._items[head] = None
        self._head = head + 1
        if head >= 15:
            self._trim_front()
        return x

    def extend(self, iterable):
        """Extend the right side of the deque with elements from the iterable"""
        if iterable is self:
            iterable = self._list()
        if self._maxlen is None:
            self._state += 1
            self._items.extend(iterable)
            return
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        """Extend the left side of the deque with elements from the iterable"""
        if iterable is self:
            iterable = self._list()
        for x in iterable:
            self.appendleft(x)

    def clear(self):
        """Remove all elements from the deque."""
        self._state += 1
        self._items = []
        self._head = 0

    def copy(self):
        """Return a shallow copy of a deque."""
        if type(self) is deque:
            d = deque(maxlen=self._maxlen)
            d._items = self._list()
            return d
        return type(self)(self, self._maxlen)

    __copy__ = copy

    def __reduce__(self):
        return type(self), ((), self._maxlen), None, iter(self)

    def count(self, value):
        """Return number of occurrences of value."""
        return self._list().count(value)

    def index(self, value, start=0, stop=None):
        """Return first index of value."""
        n = len(self._items) - self._head
        if stop is None or stop > n:
            stop = n
        if start < 0:
            start = max(start + n, 0)
        if stop < 0:
            stop += n
        for i in range(start, stop):
            if self._items[self._head + i] == value:
                return i
        raise ValueError('%r is not in deque' % (value,))

    def insert(self, index, value):
        """Insert value before index."""
        if self._maxlen is not None and len(self) >= self._maxlen:
            raise IndexError('deque already at its maximum size')
        self._state += 1
        n = len(self._items) - self._head
        if index < 0:
            index = max(index + n, 0)
        elif index > n:
            index = n
        self._items.insert(self._head + index, value)

    def remove(self, value):
        """Remove first occurrence of value."""
        head = self._head
        for i in range(head, len(self._items)):
            if self._items[i] == value:
                self._state += 1
                del self._items[i]
                return
        raise ValueError('%r is not in deque' % (value,))

    def reverse(self):
        """Reverse *IN PLACE*."""
        self._state += 1
        self._items = self._list()
        self._head = 0
        self._items.reverse()

    def rotate(self, n=1):
        """Rotate the deque n steps to the right (default n=1).  If n is negative, rotates left."""
        n = _check_rotate(n)
        size = len(self._items) - self._head
        if size <= 1:
            return
        n %= size
        if n:
            self._state += 1
            items = self._list()
            self._items = items[-n:] + items[:-n]
            self._head = 0

    def __getitem__(self, index):
        index = _check_index(index)
        n = len(self._items) - self._head
        if index < 0:
            index += n
        if index < 0 or index >= n:
            raise IndexError('deque index out of range')
        return self._items[self._head + index]

    def __setitem__(self, index, value):
        index = _check_index(index)
        n = len(self._items) - self._head
        if index < 0:
            index += n
        if index < 0 or index >= n:
            raise IndexError('deque index out of range')
        self._items[self._head + index] = value

    def __delitem__(self, index):
        index = _check_index(index)
        n = len(self._items) - self._head
        if index < 0:
            index += n
        if index < 0 or index >= n:
            raise IndexError('deque index out of range')
        self._state += 1
        del self._items[self._head + index]

    def __contains__(self, value):
        for i in range(self._head, len(self._items)):
            if self._items[i] == value:
                return True
        return False

    def __iter__(self):
        return _deque_iter(self, self._state)

    def __reversed__(self):
        return _deque_reversed(self, self._state)

    @_repr_guard('[...]')
    def __repr__(self):
        name = type(self).__name__
        if self._maxlen is None:
            return '%s(%r)' % (name, self._list())
        return '%s(%r, maxlen=%d)' % (name, self._list(), self._maxlen)

    def __eq__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._list() == other._list()

    def __ne__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._list() != other._list()

    def __lt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._list() < other._list()

    def __le__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._list() <= other._list()

    def __gt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._list() > other._list()

    def __ge__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._list() >= other._list()

    __hash__ = None

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "%s") to deque'
                            % type(other).__name__)
        d = self.copy()
        d.extend(other)
        return d

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        d = self.copy()
        d._imul(_repeat_count(n))
        return d

    def __rmul__(self, n):
        if not isinstance(n, int) and not hasattr(type(n), '__index__'):
            return NotImplemented
        return self.__mul__(n)

    def __imul__(self, n):
        self._imul(_repeat_count(n))
        return self

    def _imul(self, n):
        self._state += 1
        items = self._list() * max(n, 0)
        if self._maxlen is not None and len(items) > self._maxlen:
            items = items[len(items) - self._maxlen:]
        self._items = items
        self._head = 0

    __class_getitem__ = classmethod(_class_getitem)


def _deque_iter(d, state):
    i = 0
    while True:
        if d._state != state:
            raise RuntimeError('deque mutated during iteration')
        if i >= len(d._items) - d._head:
            return
        yield d._items[d._head + i]
        i += 1


def _deque_reversed(d, state):
    i = len(d._items) - d._head - 1
    while True:
        if d._state != state:
            raise RuntimeError('deque mutated during iteration')
        if i < 0:
            return
        yield d._items[d._head + i]
        i -= 1


def _repeat_count(n):
    if not isinstance(n, int):
        if not hasattr(type(n), '__index__'):
            raise TypeError("can't multiply sequence by non-int of type '%s'" % type(n).__name__)
        n = type(n).__index__(n)
    return n


def _check_rotate(n):
    if not isinstance(n, int):
        if hasattr(type(n), '__index__'):
            return type(n).__index__(n)
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(n).__name__)
    return n


# ---------------------------------------------------------------------------
# defaultdict

class defaultdict(dict):
    """defaultdict(default_factory=None, /, [...]) --> dict with default factory"""

    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        self.default_factory = default_factory
        dict.__init__(self, *args, **kwargs)

    def __missing__(self, key):
        factory = self.default_factory
        if factory is None:
            raise KeyError(key)
        value = factory()
        self[key] = value
        return value

    @_repr_guard('...')
    def __repr__(self):
        factory = self.default_factory
        if isinstance(factory, type):
            frepr = repr(factory)
        else:
            frepr = '...' if factory is self else repr(factory)
        return '%s(%s, %s)' % (type(self).__name__, frepr, dict.__repr__(self))

    def copy(self):
        """D.copy() -> a shallow copy of D."""
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        return type(self), (self.default_factory,), None, None, iter(self.items())

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self.default_factory, other)
        new.update(self)
        return new

    def __ior__(self, other):
        self.update(other)
        return self


# ---------------------------------------------------------------------------
# OrderedDict: a dict keeps insertion order already; this adds move_to_end,
# popitem(last=), order-sensitive equality and CPython's repr.

class _ODictView:
    _kind = ''

    def __init__(self, od):
        self._od = od

    def __len__(self):
        return len(self._od)

    def _items(self):
        return list(self)

    def __repr__(self):
        return '%s(%r)' % (self._kind, list(self))

    def __eq__(self, other):
        return self._view() == other

    def __ne__(self, other):
        return self._view() != other

    __hash__ = None


class _ODictKeys(_ODictView):
    _kind = 'odict_keys'

    def _view(self):
        return dict.keys(self._od)

    def __iter__(self):
        return iter(dict.keys(self._od))

    def __reversed__(self):
        return reversed(dict.keys(self._od))

    def __contains__(self, key):
        return key in self._od

    def __and__(self, other):
        return self._view() & other

    def __or__(self, other):
        return self._view() | other

    def __sub__(self, other):
        return self._view() - other

    def __xor__(self, other):
        return self._view() ^ other

    def isdisjoint(self, other):
        return self._view().isdisjoint(other)


class _ODictValues(_ODictView):
    _kind = 'odict_values'

    def __iter__(self):
        return iter(dict.values(self._od))

    def __reversed__(self):
        return reversed(dict.values(self._od))

    def __contains__(self, value):
        for v in dict.values(self._od):
            if v is value or v == value:
                return True
        return False

    def __eq__(self, other):
        return self is other

    def __ne__(self, other):
        return self is not other


class _ODictItems(_ODictKeys):
    _kind = 'odict_items'

    def _view(self):
        return dict.items(self._od)

    def __iter__(self):
        return iter(dict.items(self._od))

    def __reversed__(self):
        return reversed(dict.items(self._od))

    def __contains__(self, item):
        return item in dict.items(self._od)


class OrderedDict(dict):
    """Dictionary that remembers insertion order"""

    def move_to_end(self, key, last=True):
        """Move an existing element to the end (or beginning if last is false)."""
        value = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, value)
            return
        rest = list(dict.items(self))
        dict.clear(self)
        dict.__setitem__(self, key, value)
        for k, v in rest:
            dict.__setitem__(self, k, v)

    def popitem(self, last=True):
        """Remove and return a (key, value) pair from the dictionary."""
        if not self:
            raise KeyError('dictionary is empty')
        if last:
            return dict.popitem(self)
        key = next(iter(dict.keys(self)))
        return key, dict.pop(self, key)

    def keys(self):
        return _ODictKeys(self)

    def values(self):
        return _ODictValues(self)

    def items(self):
        return _ODictItems(self)

    def copy(self):
        """od.copy() -> a shallow copy of od"""
        return type(self)(self)

    __copy__ = copy

    def __reduce__(self):
        return type(self), (), None, None, iter(dict.items(self))

    @classmethod
    def fromkeys(cls, iterable, value=None):
        """Create a new ordered dictionary with keys from iterable and values set to value."""
        self = cls()
        for key in iterable:
            self[key] = value
        return self

    @_repr_guard('...')
    def __repr__(self):
        if not self:
            return '%s()' % (type(self).__name__,)
        return '%s(%r)' % (type(self).__name__, list(dict.items(self)))

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and list(dict.keys(self)) == list(dict.keys(other))
        return dict.__eq__(self, other)

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    __hash__ = None

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(other)
        new.update(self)
        return new

    def __ior__(self, other):
        self.update(other)
        return self


# ---------------------------------------------------------------------------
# Counter

class Counter(dict):
    """Dict subclass for counting hashable items."""

    def __init__(self, iterable=None, /, **kwds):
        dict.__init__(self)
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        """Sum of the counts"""
        return sum(dict.values(self))

    def most_common(self, n=None):
        """List the n most common elements and their counts from the most common to the least."""
        items = sorted(dict.items(self), key=_count_of, reverse=True)
        if n is None:
            return items
        return items[:max(n, 0)]

    def elements(self):
        """Iterator over elements repeating each as many times as its count."""
        for elem, count in dict.items(self):
            for _ in range(count):
                yield elem

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        """Like dict.update() but add counts instead of replacing them."""
        if iterable is not None:
            if isinstance(iterable, dict):
                if self:
                    get = self.get
                    for elem, count in iterable.items():
                        self[elem] = count + get(elem, 0)
                else:
                    dict.update(self, iterable)
            else:
                get = self.get
                for elem in iterable:
                    self[elem] = get(elem, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        """Like dict.update() but subtracts counts instead of replacing them."""
        if iterable is not None:
            get = self.get
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        """Return a shallow copy."""
        return type(self)(self)

    __copy__ = copy

    def __reduce__(self):
        return type(self), (dict(self),)

    def __delitem__(self, elem):
        if elem in self:
            dict.__delitem__(self, elem)

    @_repr_guard('...')
    def __repr__(self):
        if not self:
            return '%s()' % type(self).__name__
        try:
            d = dict(self.most_common())
        except TypeError:
            d = dict(self)
        return '%s(%r)' % (type(self).__name__, d)

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        for c in (self, other):
            for e in c:
                if self[e] != other[e]:
                    return False
        return True

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        for c in (self, other):
            for e in c:
                if not self[e] <= other[e]:
                    return False
        return True

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        for c in (self, other):
            for e in c:
                if not self[e] >= other[e]:
                    return False
        return True

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    __hash__ = None

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = other_count if count < other_count else count
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = count if count < other_count else other_count
            if newcount > 0:
                result[elem] = newcount
        return result

    def __pos__(self):
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    def _keep_positive(self):
        for elem in [e for e, c in self.items() if not c > 0]:
            dict.__delitem__(self, elem)
        return self

    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for elem, other_count in other.items():
            count = self[elem]
            if other_count > count:
                self[elem] = other_count
        return self._keep_positive()

    def __iand__(self, other):
        for elem, count in self.items():
            other_count = other[elem]
            if other_count < count:
                self[elem] = other_count
        return self._keep_positive()


def _count_of(item):
    return item[1]


# ---------------------------------------------------------------------------
# namedtuple: a tuple subclass made with type(); __new__ binds its arguments
# through _argbind because cs has no exec to write a real signature.

def _validate_names(typename, field_names, rename):
    seen = set()
    if rename:
        names = list(field_names)
        for index, name in enumerate(names):
            if (not name.isidentifier() or name in _KEYWORDS
                    or name.startswith('_') or name in seen):
                names[index] = '_%d' % index
            seen.add(name)
        field_names = names
        seen = set()
    for name in [typename] + list(field_names):
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid identifiers: %r'
                             % (name,))
        if name in _KEYWORDS:
            raise ValueError('Type names and field names cannot be a keyword: %r' % (name,))
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: %r' % (name,))
        if name in seen:
            raise ValueError('Encountered duplicate field name: %r' % (name,))
        seen.add(name)
    return tuple(field_names)


def _field_getter(index):
    def getter(self):
        return self[index]
    return property(getter, doc='Alias for field number %d' % index)


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """Returns a new subclass of tuple with named fields."""
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = [str(x) for x in field_names]
    typename = str(typename)
    field_names = _validate_names(typename, field_names, rename)
    namespace = _namedtuple_namespace(typename, field_names, defaults)
    result = type(typename, (tuple,), namespace)
    if module is None:
        module = '__main__'
    result.__module__ = module
    return result


def _namedtuple_namespace(typename, field_names, defaults):
    # The class namespace of a namedtuple (typing.NamedTuple uses it too).
    field_names = tuple(field_names)
    num_fields = len(field_names)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > num_fields:
            raise TypeError('Got more default values than field names')
        field_defaults = dict(reversed(list(zip(reversed(field_names), reversed(defaults)))))
    arg_list = ', '.join(field_names)
    repr_fmt = '(' + ', '.join([name + '=%r' for name in field_names]) + ')'
    qualname_new = typename + '.__new__'
    _tuple_new = tuple.__new__

    def __new__(_cls, *args, **kwargs):
        if not kwargs and len(args) == num_fields:
            return _tuple_new(_cls, args)
        bound = _bind(qualname_new, field_names, field_defaults, (), args, kwargs)
        return _tuple_new(_cls, [bound[name] for name in field_names])

    __new__.__name__ = '__new__'
    __new__.__qualname__ = qualname_new
    __new__.__doc__ = 'Create new instance of %s(%s)' % (typename, arg_list)
    if defaults is not None:
        __new__.__defaults__ = defaults

    def _make(cls, iterable):
        result = _tuple_new(cls, iterable)
        if len(result) != num_fields:
            raise TypeError('Expected %d arguments, got %d' % (num_fields, len(result)))
        return result

    _make.__qualname__ = typename + '._make'
    _make.__doc__ = 'Make a new %s object from a sequence or iterable' % typename

    def _replace(self, /, **kwds):
        result = self._make([kwds.pop(name) if name in kwds else self[i]
                             for i, name in enumerate(field_names)])
        if kwds:
            raise ValueError('Got unexpected field names: %r' % list(kwds))
        return result

    _replace.__qualname__ = typename + '._replace'
    _replace.__doc__ = 'Return a new %s object replacing specified fields with new values' % (
        typename)

    def __repr__(self):
        """Return a nicely formatted representation string"""
        return self.__class__.__name__ + repr_fmt % tuple(self)

    def _asdict(self):
        """Return a new dict which maps field names to their values."""
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        """Return self as a plain tuple.  Used by copy and pickle."""
        return tuple(self)

    for method in (__repr__, _asdict, __getnewargs__):
        method.__qualname__ = typename + '.' + method.__name__

    namespace = {
        '__doc__': '%s(%s)' % (typename, arg_list),
        '__slots__': (),
        '_fields': field_names,
        '_field_defaults': field_defaults,
        '__new__': __new__,
        '_make': classmethod(_make),
        '_replace': _replace,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '__getnewargs__': __getnewargs__,
        '__match_args__': field_names,
    }
    for index, name in enumerate(field_names):
        namespace[name] = _field_getter(index)
    return namespace


# ---------------------------------------------------------------------------
# ChainMap

class ChainMap:
    """A ChainMap groups multiple dicts (or other mappings) together to create a single,
    updateable view."""

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            try:
                return mapping[key]
            except KeyError:
                pass
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        d = {}
        for mapping in reversed(self.maps):
            d.update(dict.fromkeys(mapping))
        return iter(d)

    def __contains__(self, key):
        for m in self.maps:
            if key in m:
                return True
        return False

    def __bool__(self):
        for m in self.maps:
            if m:
                return True
        return False

    @_repr_guard('...')
    def __repr__(self):
        return '%s(%s)' % (type(self).__name__, ', '.join(map(repr, self.maps)))

    @classmethod
    def fromkeys(cls, iterable, *args):
        return cls(dict.fromkeys(iterable, *args))

    def copy(self):
        """New ChainMap or subclass with a new copy of maps[0] and refs to maps[1:]"""
        return type(self)(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        """New ChainMap with a new map followed by all previous maps."""
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return type(self)(m, *self.maps)

    @property
    def parents(self):
        """New ChainMap from maps[1:]."""
        return type(self)(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError('Key not found in the first mapping: %r' % (key,))

    def popitem(self):
        """Remove and return an item pair from maps[0]. Raise KeyError is maps[0] is empty."""
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError('No keys found in the first mapping.')

    def pop(self, key, *args):
        """Remove *key* from maps[0] and return its value. Raise KeyError if *key* not in maps[0]."""
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError('Key not found in the first mapping: %r' % (key,))

    def clear(self):
        """Clear maps[0], leaving maps[1:] intact."""
        self.maps[0].clear()

    def keys(self):
        return dict.fromkeys(self).keys()

    def items(self):
        return {k: self[k] for k in self}.items()

    def values(self):
        return {k: self[k] for k in self}.values()

    def update(self, other=(), /, **kwds):
        self.maps[0].update(other, **kwds)

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def __eq__(self, other):
        if isinstance(other, ChainMap):
            other = dict(other.items())
        return dict(self.items()) == other

    __hash__ = None

    def __or__(self, other):
        if not isinstance(other, (dict, ChainMap)):
            return NotImplemented
        m = self.copy()
        m.maps[0].update(other)
        return m

    def __ior__(self, other):
        self.maps[0].update(other)
        return self


def __getattr__(name):
    # UserDict, UserList and UserString load on first use (collections/_user.cs).
    if name in ('UserDict', 'UserList', 'UserString'):
        from collections import _user
        value = getattr(_user, name)
        globals()[name] = value
        return value
    raise AttributeError("module 'collections' has no attribute '%s'" % (name,))
