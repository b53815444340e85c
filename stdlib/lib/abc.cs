# abc: abstract base classes without a metaclass. ABC is a plain base class:
# its __new__ refuses to instantiate a class that still has abstract methods
# (computed on first instantiation and kept in the class's
# __abstractmethods__), and its classmethods register, __instancecheck__ and
# __subclasscheck__ implement virtual subclasses and __subclasshook__.
# isinstance()/issubclass() reach those classmethods through the VM's hook.

__all__ = ['ABC', 'ABCMeta', 'abstractmethod', 'abstractclassmethod', 'abstractstaticmethod',
           'abstractproperty', 'get_cache_token', 'update_abstractmethods']


def abstractmethod(funcobj):
    """A decorator indicating abstract methods."""
    funcobj.__isabstractmethod__ = True
    return funcobj


def abstractclassmethod(callable):
    """A decorator indicating abstract classmethods (deprecated)."""
    callable.__isabstractmethod__ = True
    return classmethod(callable)


def abstractstaticmethod(callable):
    """A decorator indicating abstract staticmethods (deprecated)."""
    callable.__isabstractmethod__ = True
    return staticmethod(callable)


def abstractproperty(fget=None, fset=None, fdel=None, doc=None):
    """A decorator indicating abstract properties (deprecated)."""
    if fget is not None:
        fget.__isabstractmethod__ = True
    return property(fget, fset, fdel, doc)


def _is_abstract(value):
    if getattr(value, '__isabstractmethod__', False):
        return True
    if isinstance(value, property):
        for f in (value.fget, value.fset, value.fdel):
            if getattr(f, '__isabstractmethod__', False):
                return True
        return False
    if isinstance(value, (staticmethod, classmethod)):
        return getattr(value.__func__, '__isabstractmethod__', False)
    return False


def _compute_abstracts(cls):
    # Names whose nearest definition along the MRO is abstract.
    seen = set()
    abstracts = set()
    for klass in cls.__mro__:
        for name, value in klass.__dict__.items():
            if name in seen:
                continue
            seen.add(name)
            if _is_abstract(value):
                abstracts.add(name)
    return frozenset(abstracts)


def _abstracts_of(cls):
    d = cls.__dict__
    if '__abstractmethods__' in d:
        return d['__abstractmethods__']
    abstracts = _compute_abstracts(cls)
    cls.__abstractmethods__ = abstracts
    return abstracts


def update_abstractmethods(cls):
    """Recalculate the set of abstract methods of an abstract class."""
    if not hasattr(cls, '__abstractmethods__') and not issubclass(cls, ABC):
        return cls
    cls.__abstractmethods__ = _compute_abstracts(cls)
    return cls


def _abstract_error(cls, abstracts):
    names = sorted(abstracts)
    return TypeError("Can't instantiate abstract class %s with abstract method%s %s"
                     % (cls.__name__, 's' if len(names) > 1 else '', ', '.join(names)))


# Per-class registries and caches, keyed by the class (the classes live as
# long as the program does, as in CPython).
_registry = {}
_cache = {}
_negative_cache = {}
_negative_version = {}
_subclasses = {}
_invalidation_counter = 0


def get_cache_token():
    """Returns the current ABC cache token."""
    return _invalidation_counter


def _abc_register(cls, subclass):
    global _invalidation_counter
    if not isinstance(subclass, type):
        raise TypeError('Can only register classes')
    if _abc_subclasscheck(cls, subclass):
        return subclass
    if issubclass(cls, subclass):
        raise RuntimeError('Refusing to create an inheritance cycle')
    _registry.setdefault(cls, []).append(subclass)
    _invalidation_counter += 1
    return subclass


def _abc_instancecheck(cls, instance):
    subclass = instance.__class__
    if subclass in _cache.get(cls, ()):
        return True
    subtype = type(instance)
    if subtype is subclass:
        if (_negative_version.get(cls) == _invalidation_counter
                and subclass in _negative_cache.get(cls, ())):
            return False
        return _abc_subclasscheck(cls, subclass)
    return _abc_subclasscheck(cls, subclass) or _abc_subclasscheck(cls, subtype)


def _issubclass(subclass, cls):
    # issubclass() that consults the ABC machinery itself, so the recursion
    # does not depend on the VM's isinstance hook.
    if ABC in cls.__mro__:
        return _abc_subclasscheck(cls, subclass)
    return issubclass(subclass, cls)


def _abc_subclasscheck(cls, subclass):
    if not isinstance(subclass, type):
        raise TypeError('issubclass() arg 1 must be a class')
    cache = _cache.get(cls)
    if cache is not None and subclass in cache:
        return True
    if _negative_version.get(cls) != _invalidation_counter:
        _negative_cache[cls] = set()
        _negative_version[cls] = _invalidation_counter
    elif subclass in _negative_cache[cls]:
        return False
    ok = cls.__subclasshook__(subclass)
    if ok is not NotImplemented:
        if ok:
            _cache.setdefault(cls, set()).add(subclass)
        else:
            _negative_cache[cls].add(subclass)
        return ok
    if cls in subclass.__mro__:
        _cache.setdefault(cls, set()).add(subclass)
        return True
    for rcls in _registry.get(cls, ()):
        if _issubclass(subclass, rcls):
            _cache.setdefault(cls, set()).add(subclass)
            return True
    for scls in _subclasses.get(cls, ()):
        if _issubclass(subclass, scls):
            _cache.setdefault(cls, set()).add(subclass)
            return True
    _negative_cache[cls].add(subclass)
    return False


def _check_no_args(cls):
    # object.__new__ refuses arguments before it looks at abstract methods.
    for klass in cls.__mro__:
        if '__init__' in klass.__dict__:
            if klass is object:
                raise TypeError('%s() takes no arguments' % (cls.__name__,))
            return


class ABC:
    """Helper class that provides a standard way to create an ABC using
    inheritance."""
    __slots__ = ()

    def __new__(cls, /, *args, **kwargs):
        if args or kwargs:
            _check_no_args(cls)
        abstracts = _abstracts_of(cls)
        if abstracts:
            raise _abstract_error(cls, abstracts)
        for klass in cls.__mro__[cls.__mro__.index(ABC) + 1:]:
            if '__new__' in klass.__dict__:
                if klass is object:
                    return object.__new__(cls)
                return klass.__new__(cls, *args, **kwargs)
        return object.__new__(cls)

    def __init_subclass__(cls, /, **kwargs):
        super().__init_subclass__(**kwargs)
        for base in cls.__bases__:
            if base is not ABC and ABC in base.__mro__:
                _subclasses.setdefault(base, []).append(cls)

    @classmethod
    def register(cls, subclass):
        """Register a virtual subclass of an ABC."""
        return _abc_register(cls, subclass)

    @classmethod
    def __subclasshook__(cls, subclass):
        return NotImplemented

    @classmethod
    def __instancecheck__(cls, instance):
        """Override for isinstance(instance, cls)."""
        return _abc_instancecheck(cls, instance)

    @classmethod
    def __subclasscheck__(cls, subclass):
        """Override for issubclass(subclass, cls)."""
        return _abc_subclasscheck(cls, subclass)

    @classmethod
    def _abc_registry_clear(cls):
        _registry.pop(cls, None)

    @classmethod
    def _abc_caches_clear(cls):
        _cache.pop(cls, None)
        _negative_cache.pop(cls, None)


# cs has no metaclasses: `metaclass=ABCMeta` gives a plain class (derive
# from ABC for abstract-method checks and register()).
ABCMeta = type
