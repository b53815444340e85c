# typing, written in cs without metaclasses: special forms (Any, Union,
# Optional, ClassVar, Literal...) and the aliases (List, Dict, Callable...)
# are objects whose __getitem__ builds a _GenericAlias for annotations.
# Generic, Protocol, NamedTuple and TypedDict are plain base classes that
# finish their subclasses in __init_subclass__ (NamedTuple and TypedDict are
# functions whose __mro_entries__ names that base).

import collections
import collections.abc
import sys

__all__ = [
    'Annotated', 'Any', 'Callable', 'ClassVar', 'Concatenate', 'Final', 'ForwardRef', 'Generic',
    'Literal', 'Optional', 'ParamSpec', 'Protocol', 'Tuple', 'Type', 'TypeVar', 'TypeVarTuple',
    'Union', 'AbstractSet', 'ByteString', 'Container', 'ContextManager', 'Hashable',
    'ItemsView', 'Iterable', 'Iterator', 'KeysView', 'Mapping', 'MappingView',
    'MutableMapping', 'MutableSequence', 'MutableSet', 'Sequence', 'Sized', 'ValuesView',
    'Awaitable', 'AsyncIterator', 'AsyncIterable', 'Coroutine', 'Collection',
    'AsyncGenerator', 'AsyncContextManager', 'Reversible', 'SupportsAbs', 'SupportsBytes',
    'SupportsComplex', 'SupportsFloat', 'SupportsIndex', 'SupportsInt', 'SupportsRound',
    'ChainMap', 'Counter', 'Deque', 'Dict', 'DefaultDict', 'List', 'OrderedDict', 'Set',
    'FrozenSet', 'NamedTuple', 'TypedDict', 'Generator', 'BinaryIO', 'IO', 'Match', 'Pattern',
    'TextIO', 'AnyStr', 'assert_type', 'assert_never', 'cast', 'clear_overloads',
    'dataclass_transform', 'final', 'get_args', 'get_origin', 'get_overloads',
    'get_type_hints', 'is_typeddict', 'LiteralString', 'Never', 'NewType', 'no_type_check',
    'no_type_check_decorator', 'NoReturn', 'NotRequired', 'overload', 'ParamSpecArgs',
    'ParamSpecKwargs', 'Required', 'reveal_type', 'runtime_checkable', 'Self', 'Text',
    'TYPE_CHECKING', 'TypeAlias', 'TypeGuard', 'Unpack']

TYPE_CHECKING = False

_FunctionType = type(lambda: None)
_NoneType = type(None)
_GenericAliasType = type(list[int])
try:
    _UnionType = type(int | str)
except TypeError:
    _UnionType = None


def _type_repr(obj):
    if isinstance(obj, type) and not isinstance(obj, _GenericAliasType):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return '%s.%s' % (obj.__module__, obj.__qualname__)
    if obj is ...:
        return '...'
    if isinstance(obj, _FunctionType):
        return obj.__name__
    return repr(obj)


def _type_check(arg, msg):
    if arg is None:
        return _NoneType
    if isinstance(arg, str):
        return ForwardRef(arg)
    if isinstance(arg, _SpecialForm) and arg._name in ('Any', 'NoReturn', 'Never', 'Self',
                                                         'LiteralString'):
        return arg
    if isinstance(arg, _SpecialForm) or arg in (Generic, Protocol):
        raise TypeError('Plain %s is not valid as type argument' % (arg,))
    if type(arg) is tuple:
        raise TypeError('%s Got %.100r.' % (msg, arg))
    return arg


def _collect_parameters(args):
    params = []
    for t in args:
        if isinstance(t, TypeVar):
            if t not in params:
                params.append(t)
        else:
            for p in getattr(t, '__parameters__', ()):
                if isinstance(p, TypeVar) and p not in params:
                    params.append(p)
    return tuple(params)


# ---------------------------------------------------------------------------
# TypeVar, ParamSpec, ForwardRef

class TypeVar:
    """Type variable."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        if covariant and contravariant:
            raise ValueError('Bivariant types are not supported.')
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        if constraints and bound is not None:
            raise TypeError('Constraints cannot be combined with bound=...')
        if constraints and len(constraints) == 1:
            raise TypeError('A single constraint is not allowed')
        self.__constraints__ = tuple(_type_check(t, 'TypeVar(name, constraint, ...): '
                                                    'constraints must be types.')
                                     for t in constraints)
        self.__bound__ = _type_check(bound, 'Bound must be a type.') if bound else None
        self.__module__ = '__main__'

    def __repr__(self):
        if self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __mro_entries__(self, bases):
        raise TypeError('Cannot subclass an instance of TypeVar')


class TypeVarTuple:
    """Type variable tuple."""

    def __init__(self, name):
        self.__name__ = name

    def __repr__(self):
        return self.__name__

    def __iter__(self):
        yield Unpack[self]


class ParamSpecArgs:
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return '%s.args' % (self.__origin__.__name__,)


class ParamSpecKwargs:
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return '%s.kwargs' % (self.__origin__.__name__,)


class ParamSpec:
    """Parameter specification variable."""

    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__bound__ = bound
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)

    @property
    def args(self):
        return ParamSpecArgs(self)

    @property
    def kwargs(self):
        return ParamSpecKwargs(self)

    def __repr__(self):
        return '~' + self.__name__


class ForwardRef:
    """Internal wrapper to hold a forward reference."""

    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError('Forward reference must be a string -- got %r' % (arg,))
        self.__forward_arg__ = arg
        self.__forward_evaluated__ = False
        self.__forward_value__ = None
        self.__forward_is_argument__ = is_argument
        self.__forward_is_class__ = is_class
        self.__forward_module__ = module

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash((self.__forward_arg__, self.__forward_module__))

    def __repr__(self):
        return 'ForwardRef(%r)' % (self.__forward_arg__,)


# ---------------------------------------------------------------------------
# Generic aliases: List[int], Union[int, str], Callable[[int], str] ...

class _GenericAlias:
    """The result of subscripting a typing alias or a generic class."""

    def __init__(self, origin, args, *, name=None, form=None, inst=True):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = tuple(... if a is _TypingEllipsis else a for a in args)
        self.__parameters__ = _collect_parameters(args)
        self._name = name
        self._form = form
        self._inst = inst
        if name is None:
            self.__module__ = getattr(origin, '__module__', None)

    def __repr__(self):
        form = self._form
        if form is not None:
            return form._repr_alias(self)
        if self._name:
            name = 'typing.' + self._name
        else:
            name = _type_repr(self.__origin__)
        if self.__args__:
            args = ', '.join([_type_repr(a) for a in self.__args__])
        else:
            args = '()'
        return '%s[%s]' % (name, args)

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        if self._form is not None and self._form._name == 'Union':
            return (other._form is self._form and
                    set(self.__args__) == set(other.__args__))
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        if self._form is not None and self._form._name == 'Union':
            return hash(frozenset(self.__args__))
        return hash((self.__origin__, self.__args__))

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __getitem__(self, args):
        if not self.__parameters__:
            raise TypeError('%s is not a generic class' % (self,))
        if not isinstance(args, tuple):
            args = (args,)
        params = self.__parameters__
        if len(args) != len(params):
            raise TypeError('Too %s arguments for %s; actual %d, expected %d'
                            % ('many' if len(args) > len(params) else 'few', self, len(args),
                               len(params)))
        subst = dict(zip(params, args))
        new_args = tuple(_substitute(a, subst) for a in self.__args__)
        if self._form is not None:
            return self._form[new_args if len(new_args) != 1 else new_args[0]]
        return _GenericAlias(self.__origin__, new_args, name=self._name, inst=self._inst)

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError('Type %s cannot be instantiated; use %s() instead'
                            % (self._name, self.__origin__.__name__.lower()))
        if self._form is not None:
            raise TypeError('Cannot instantiate %r' % (self._form,))
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except (AttributeError, TypeError):
            pass
        return result

    def __mro_entries__(self, bases):
        origin = self.__origin__
        if self._form is not None:
            raise TypeError('Cannot subclass %r' % (self,))
        if origin is Generic or origin is Protocol:
            if Generic in [b for b in bases if isinstance(b, type)]:
                return ()
            return (origin,)
        res = [origin]
        if Generic not in bases and not (isinstance(origin, type) and issubclass(origin, Generic)):
            pass
        return tuple(res)

    def __instancecheck__(self, obj):
        if self._form is Union:
            return _union_instancecheck(self, obj)
        raise TypeError('Subscripted generics cannot be used with class and instance checks')

    def __subclasscheck__(self, cls):
        if self._form is Union:
            return issubclass(cls, tuple(self.__args__))
        raise TypeError('Subscripted generics cannot be used with class and instance checks')

    def __getattr__(self, attr):
        if attr.startswith('__') and attr.endswith('__'):
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)

    def copy_with(self, params):
        return _GenericAlias(self.__origin__, params, name=self._name, inst=self._inst)


class _TypingEllipsisType:
    pass


_TypingEllipsis = _TypingEllipsisType()


def _substitute(arg, subst):
    if isinstance(arg, TypeVar):
        return subst.get(arg, arg)
    if isinstance(arg, _GenericAlias) and arg.__parameters__:
        return arg[tuple(subst.get(p, p) for p in arg.__parameters__)]
    if isinstance(arg, list):
        return [_substitute(a, subst) for a in arg]
    return arg


class _SpecialGenericAlias:
    """An unsubscripted alias such as typing.List: subscripting it gives a
    _GenericAlias, isinstance() checks against its origin."""

    def __init__(self, origin, nparams, *, inst=True, name=None, defaults=()):
        self.__origin__ = origin
        self._nparams = nparams
        self._inst = inst
        self._name = name if name is not None else origin.__name__
        self.__module__ = 'typing'

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        msg = 'Parameters to generic types must be types.'
        params = tuple(_type_check(p, msg) for p in params)
        if self._nparams >= 0 and len(params) != self._nparams:
            raise TypeError('Too %s arguments for %s; actual %d, expected %d'
                            % ('many' if len(params) > self._nparams else 'few', self,
                               len(params), self._nparams))
        return _GenericAlias(self.__origin__, params, name=self._name, inst=self._inst)

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError('Type %s cannot be instantiated; use %s() instead'
                            % (self._name, self.__origin__.__name__.lower()))
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __subclasscheck__(self, cls):
        if isinstance(cls, _SpecialGenericAlias):
            return issubclass(cls.__origin__, self.__origin__)
        return issubclass(cls, self.__origin__)

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __getattr__(self, attr):
        if attr.startswith('__') and attr.endswith('__'):
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)


class _TupleAlias(_SpecialGenericAlias):
    def __getitem__(self, params):
        if params == ():
            return _GenericAlias(tuple, (), name='Tuple', inst=False)
        if not isinstance(params, tuple):
            params = (params,)
        if len(params) >= 2 and params[-1] is ...:
            msg = 'Tuple[t, ...]: t must be a type.'
            params = tuple(_type_check(p, msg) for p in params[:-1])
            return _GenericAlias(tuple, params + (_TypingEllipsis,), name='Tuple', inst=False)
        msg = 'Tuple[t0, t1, ...]: each t must be a type.'
        params = tuple(_type_check(p, msg) for p in params)
        return _GenericAlias(tuple, params, name='Tuple', inst=False)


class _CallableGenericAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and args[0] is ...:
            return 'typing.Callable[..., %s]' % (_type_repr(args[1]),)
        return 'typing.Callable[[%s], %s]' % (', '.join([_type_repr(a) for a in args[:-1]]),
                                              _type_repr(args[-1]))


class _CallableType(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError('Callable must be used as Callable[[arg, ...], result].')
        args, result = params
        result = _type_check(result, 'Callable[args, result]: result must be a type.')
        if isinstance(args, list):
            params = tuple(_type_check(a, 'Callable[[arg, ...], result]: each arg must be a '
                                          'type.') for a in args) + (result,)
        else:
            params = (args, result)
        alias = _CallableGenericAlias(collections.abc.Callable, params, name='Callable')
        return alias


def get_origin(tp):
    """Get the unsubscripted version of a type."""
    if isinstance(tp, _GenericAlias):
        if tp._form is not None:
            return tp._form
        return tp.__origin__
    if isinstance(tp, _GenericAliasType):
        return tp.__origin__
    if tp is Generic:
        return Generic
    if _UnionType is not None and isinstance(tp, _UnionType):
        return _UnionType
    return None


def get_args(tp):
    """Get type arguments with all substitutions performed."""
    if isinstance(tp, _GenericAlias):
        if tp._form is not None and tp._form._name == 'Annotated':
            return (tp.__origin__,) + tp.__metadata__
        res = tp.__args__
        if isinstance(tp, _CallableGenericAlias) and not (len(res) == 2 and res[0] is ...):
            res = (list(res[:-1]), res[-1])
        return res
    if isinstance(tp, _GenericAliasType) or (_UnionType is not None
                                             and isinstance(tp, _UnionType)):
        return tp.__args__
    return ()


# ---------------------------------------------------------------------------
# Special forms: Any, Union, Optional, ClassVar, Final, Literal ...

class _SpecialForm:
    def __init__(self, name, doc, getitem=None):
        self._name = name
        self.__doc__ = doc
        self._getitem = getitem

    def __repr__(self):
        return 'typing.' + self._name

    def __reduce__(self):
        return self._name

    def __call__(self, *args, **kwds):
        raise TypeError('Cannot instantiate %r' % (self,))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError('%s cannot be used with isinstance()' % (self,))

    def __subclasscheck__(self, cls):
        raise TypeError('%s cannot be used with issubclass()' % (self,))

    def __mro_entries__(self, bases):
        raise TypeError('Cannot subclass %r' % (self,))

    def __getitem__(self, parameters):
        if self._getitem is None:
            raise TypeError('%s is not subscriptable' % (self,))
        return self._getitem(self, parameters)

    def _repr_alias(self, alias):
        args = ', '.join([_type_repr(a) for a in alias.__args__])
        return '%s[%s]' % (self, args)


class _AnyForm(_SpecialForm):
    def __call__(self, *args, **kwds):
        raise TypeError('Any cannot be instantiated')


Any = _AnyForm('Any', 'Special type indicating an unconstrained type.')
NoReturn = _SpecialForm('NoReturn', 'Special type indicating functions that never return.')
Never = _SpecialForm('Never', 'The bottom type, a type that has no members.')
Self = _SpecialForm('Self', 'Used to spell the type of "self" in classes.')
LiteralString = _SpecialForm('LiteralString', 'Represents an arbitrary literal string.')
TypeAlias = _SpecialForm('TypeAlias', 'Special form for marking type aliases.')


def _single_param(self, parameters):
    item = _type_check(parameters, '%s accepts only single type.' % (self,))
    return _GenericAlias(self, (item,), form=self)


ClassVar = _SpecialForm('ClassVar', 'Special type construct to mark class variables.',
                        _single_param)
Final = _SpecialForm('Final', 'Special typing construct to indicate final names to type '
                              'checkers.', _single_param)
TypeGuard = _SpecialForm('TypeGuard', 'Special typing form used to annotate the return type '
                                      'of a user-defined type guard function.', _single_param)
Required = _SpecialForm('Required', 'A special typing construct to mark a key of a total=False '
                                    'TypedDict as required.', _single_param)
NotRequired = _SpecialForm('NotRequired', 'A special typing construct to mark a key of a '
                                          'TypedDict as potentially missing.', _single_param)
Unpack = _SpecialForm('Unpack', 'Type unpack operator.', _single_param)


def _flatten_union(params):
    out = []
    for p in params:
        if isinstance(p, _GenericAlias) and p._form is Union:
            items = p.__args__
        elif _UnionType is not None and isinstance(p, _UnionType):
            items = p.__args__
        else:
            items = (p,)
        for item in items:
            if item not in out:
                out.append(item)
    return out


def _union_getitem(self, parameters):
    if parameters == ():
        raise TypeError('Cannot take a Union of no types.')
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    msg = 'Union[arg, ...]: each arg must be a type.'
    parameters = tuple(_type_check(p, msg) for p in parameters)
    params = _flatten_union(parameters)
    if len(params) == 1:
        return params[0]
    return _GenericAlias(self, tuple(params), form=self)


def _optional_getitem(self, parameters):
    arg = _type_check(parameters, '%s requires a single type.' % (self,))
    return Union[arg, None]


def _literal_getitem(self, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    seen = []
    for p in parameters:
        if not any(p == q and type(p) is type(q) for q in seen):
            seen.append(p)
    return _GenericAlias(self, tuple(seen), form=self)


class _UnionForm(_SpecialForm):
    def _repr_alias(self, alias):
        args = alias.__args__
        if len(args) == 2:
            if args[0] is _NoneType:
                return 'typing.Optional[%s]' % (_type_repr(args[1]),)
            if args[1] is _NoneType:
                return 'typing.Optional[%s]' % (_type_repr(args[0]),)
        return 'typing.Union[%s]' % (', '.join([_type_repr(a) for a in args]),)


class _LiteralForm(_SpecialForm):
    def _repr_alias(self, alias):
        return 'typing.Literal[%s]' % (', '.join([repr(a) for a in alias.__args__]),)


Union = _UnionForm('Union', 'Union type; Union[X, Y] means either X or Y.', _union_getitem)
Optional = _SpecialForm('Optional', 'Optional type.', _optional_getitem)
Literal = _LiteralForm('Literal', 'Special typing form to define literal types (a.k.a. value '
                                  'types).', _literal_getitem)


def _union_instancecheck(alias, obj):
    for arg in alias.__args__:
        if isinstance(arg, _GenericAlias):
            raise TypeError('Subscripted generics cannot be used with class and instance '
                            'checks')
    return isinstance(obj, tuple(alias.__args__))


class _AnnotatedForm(_SpecialForm):
    def _repr_alias(self, alias):
        return 'typing.Annotated[%s, %s]' % (
            _type_repr(alias.__origin__), ', '.join([repr(a) for a in alias.__metadata__]))


def _annotated_getitem(self, params):
    if not isinstance(params, tuple) or len(params) < 2:
        raise TypeError('Annotated[...] should be used with at least two arguments (a type and '
                        'an annotation).')
    origin = _type_check(params[0], 'Annotated[t, ...]: t must be a type.')
    alias = _GenericAlias(origin, (origin,), form=self)
    alias.__metadata__ = tuple(params[1:])
    return alias


Annotated = _AnnotatedForm('Annotated', 'Add context-specific metadata to a type.',
                           _annotated_getitem)


def _concatenate_getitem(self, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    return _GenericAlias(self, parameters, form=self)


Concatenate = _SpecialForm('Concatenate', 'Used in conjunction with ParamSpec and Callable.',
                           _concatenate_getitem)


# ---------------------------------------------------------------------------
# Generic and Protocol

class Generic:
    """Abstract base class for generic types."""
    __slots__ = ()
    _is_protocol = False

    @classmethod
    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        if cls in (Generic, Protocol):
            if not params and cls is not Generic:
                raise TypeError('Parameter list to %s[...] cannot be empty' % (cls.__qualname__,))
            for p in params:
                if not isinstance(p, (TypeVar, ParamSpec, TypeVarTuple)):
                    raise TypeError('Parameters to %s[...] must all be type variables or '
                                    'parameter specification variables.' % (cls.__name__,))
            if len(set(params)) != len(params):
                raise TypeError('Parameters to %s[...] must all be unique' % (cls.__name__,))
        msg = 'Parameters to generic types must be types.'
        params = tuple(_type_check(p, msg) for p in params)
        return _GenericAlias(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        orig = cls.__dict__.get('__orig_bases__', ())
        tvars = []
        for base in orig:
            if isinstance(base, _GenericAlias):
                for p in base.__parameters__:
                    if p not in tvars:
                        tvars.append(p)
        cls.__parameters__ = tuple(tvars)


class Protocol(Generic):
    """Base class for protocol classes."""
    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get('_is_protocol', False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)
        if cls._is_protocol and '__init__' not in cls.__dict__:
            cls.__init__ = _no_init_or_replace_init

    def __new__(cls, *args, **kwargs):
        if cls._is_protocol:
            raise TypeError('Protocols cannot be instantiated')
        for klass in cls.__mro__[cls.__mro__.index(Protocol) + 1:]:
            if '__new__' in klass.__dict__:
                if klass is object:
                    return object.__new__(cls)
                return klass.__new__(cls, *args, **kwargs)
        return object.__new__(cls)

    @classmethod
    def __instancecheck__(cls, instance):
        if cls in type(instance).__mro__:
            return True
        if not cls.__dict__.get('_is_protocol', False):
            return False
        if not cls.__dict__.get('_is_runtime_protocol', False):
            raise TypeError('Instance and class checks can only be used with '
                            '@runtime_checkable protocols')
        for attr in _protocol_attrs(cls):
            if not hasattr(instance, attr):
                return False
            if callable(getattr(cls, attr, None)) and getattr(instance, attr) is None:
                return False
        return True

    @classmethod
    def __subclasscheck__(cls, other):
        if cls in getattr(other, '__mro__', ()):
            return True
        if not cls.__dict__.get('_is_protocol', False):
            return False
        if not cls.__dict__.get('_is_runtime_protocol', False):
            raise TypeError('Instance and class checks can only be used with '
                            '@runtime_checkable protocols')
        for attr in _protocol_attrs(cls):
            for base in other.__mro__:
                if attr in base.__dict__:
                    if base.__dict__[attr] is None:
                        return False
                    break
            else:
                return False
        return True


def _no_init_or_replace_init(self, *args, **kwargs):
    pass


_SPECIAL_NAMES = frozenset([
    '__abstractmethods__', '__annotations__', '__dict__', '__doc__', '__init__', '__module__',
    '__new__', '__slots__', '__subclasshook__', '__weakref__', '__class_getitem__',
    '__parameters__', '__orig_bases__', '__orig_class__', '_is_protocol',
    '_is_runtime_protocol', '__protocol_attrs__', '__qualname__', '__init_subclass__',
    '__instancecheck__', '__subclasscheck__', '__match_args__'])


def _protocol_attrs(cls):
    attrs = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in ('Protocol', 'Generic'):
            continue
        annotations = base.__dict__.get('__annotations__', {})
        for attr in list(base.__dict__) + list(annotations):
            if not attr.startswith('_abc_') and attr not in _SPECIAL_NAMES:
                attrs.add(attr)
    return attrs


def runtime_checkable(cls):
    """Mark a protocol class as a runtime protocol."""
    if not issubclass(cls, Generic) or not cls._is_protocol:
        raise TypeError('@runtime_checkable can be only applied to protocol classes, got %r'
                        % (cls,))
    cls._is_runtime_protocol = True
    return cls


# ---------------------------------------------------------------------------
# NamedTuple and TypedDict

_NT_PROHIBITED = frozenset(['__new__', '__init__', '__slots__', '__getnewargs__', '_fields',
                            '_field_defaults', '_make', '_replace', '_asdict', '_source'])


class _NamedTupleBase(tuple):
    # class X(NamedTuple) derives from this; __init_subclass__ turns the new
    # class into a namedtuple made from its annotations.
    __slots__ = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if _NamedTupleBase not in cls.__bases__:
            return
        types = cls.__dict__.get('__annotations__', {})
        field_names = list(types)
        defaults = []
        for name in field_names:
            if name in cls.__dict__:
                defaults.append(cls.__dict__[name])
            elif defaults:
                raise TypeError('Non-default namedtuple field %s cannot follow default field%s '
                                '%s' % (name, 's' if len(defaults) > 1 else '',
                                        ', '.join(field_names[:len(defaults)])))
        ns = collections._namedtuple_namespace(cls.__name__, field_names, defaults or None)
        for key, value in ns.items():
            if key in cls.__dict__ and key not in types:
                if key in _NT_PROHIBITED:
                    raise AttributeError('Cannot overwrite NamedTuple attribute ' + key)
                if key != '__doc__' or cls.__dict__['__doc__']:
                    continue
            if key == '__slots__':
                continue
            if key == '__new__':
                value = staticmethod(value)
            if key == '__doc__':
                try:
                    cls.__doc__ = value
                except (AttributeError, TypeError):
                    pass
                continue
            setattr(cls, key, value)


class _NamedTupleFactory:
    # typing.NamedTuple: called, it makes a namedtuple; as a base class,
    # __mro_entries__ substitutes _NamedTupleBase.
    __name__ = __qualname__ = 'NamedTuple'
    __module__ = 'typing'

    def __call__(self, typename, fields=None, /, **kwargs):
        """Typed version of namedtuple."""
        if fields is None:
            fields = kwargs.items()
        elif kwargs:
            raise TypeError('Either list of fields or keywords can be provided to NamedTuple, '
                            'not both')
        fields = list(fields)
        names = collections._validate_names(typename, [n for n, t in fields], False)
        ns = collections._namedtuple_namespace(typename, names, None)
        ns['__annotations__'] = {n: t for n, t in fields}
        nm_tpl = type(typename, (tuple,), ns)
        nm_tpl.__module__ = '__main__'
        return nm_tpl

    def __mro_entries__(self, bases):
        return (_NamedTupleBase,)

    def __repr__(self):
        return '<function NamedTuple>'


NamedTuple = _NamedTupleFactory()


class _TypedDictBase(dict):
    # Instances are plain dicts, as in CPython.
    def __new__(cls, *args, **kwargs):
        return dict(*args, **kwargs)

    def __init_subclass__(cls, total=True, **kwargs):
        super().__init_subclass__(**kwargs)
        total = cls.__dict__.get('__total__', total)
        annotations = {}
        required = set()
        optional = set()
        for base in reversed(cls.__mro__):
            if base is dict or base is object or base is _TypedDictBase:
                continue
            own = base.__dict__.get('__annotations__', {})
            base_total = base.__dict__.get('__total__', True) if base is not cls else total
            for name, tp in own.items():
                annotations[name] = tp
                origin = getattr(tp, '_form', None)
                if origin is Required:
                    required.add(name)
                    optional.discard(name)
                elif origin is NotRequired or not base_total:
                    optional.add(name)
                    required.discard(name)
                else:
                    required.add(name)
                    optional.discard(name)
        if annotations != cls.__dict__.get('__annotations__'):
            try:
                cls.__annotations__ = annotations
            except (AttributeError, TypeError):
                pass
        cls.__required_keys__ = frozenset(required)
        cls.__optional_keys__ = frozenset(optional)
        cls.__total__ = total


class _TypedDictFactory:
    # typing.TypedDict: called, it makes a TypedDict class; as a base class,
    # __mro_entries__ substitutes _TypedDictBase.
    __name__ = __qualname__ = 'TypedDict'
    __module__ = 'typing'

    def __call__(self, typename, fields=None, /, *, total=True, **kwargs):
        """A simple typed namespace. At runtime it is equivalent to a plain dict."""
        if fields is None:
            fields = kwargs
        ns = {'__annotations__': dict(fields), '__total__': total}
        cls = type(typename, (_TypedDictBase,), ns)
        cls.__module__ = '__main__'
        return cls

    def __mro_entries__(self, bases):
        return (_TypedDictBase,)

    def __repr__(self):
        return '<function TypedDict>'


TypedDict = _TypedDictFactory()


def is_typeddict(tp):
    """Check if an annotation is a TypedDict class."""
    return isinstance(tp, type) and issubclass(tp, _TypedDictBase)


# ---------------------------------------------------------------------------
# Functions

def cast(typ, val):
    """Cast a value to a type (does nothing at runtime)."""
    return val


def assert_type(val, typ, /):
    """Ask a static type checker to confirm that the value is of the given type."""
    return val


def reveal_type(obj, /):
    """Reveal the inferred type of a variable."""
    print('Runtime type is %r' % (type(obj).__name__,), file=sys.stderr)
    return obj


def assert_never(arg, /):
    """Statically assert that a line of code is unreachable."""
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + '...'
    raise AssertionError('Expected code to be unreachable, but got: %s' % (value,))


_overload_registry = {}


def _overload_dummy(*args, **kwds):
    """Helper for @overload to raise when called."""
    raise NotImplementedError(
        'You should not call an overloaded function. A series of @overload-decorated functions '
        'outside a stub module should always be followed by an implementation that is not '
        '@overload-ed.')


def overload(func):
    """Decorator for overloaded functions/methods."""
    key = (getattr(func, '__module__', None), getattr(func, '__qualname__', None))
    _overload_registry.setdefault(key, []).append(func)
    return _overload_dummy


def get_overloads(func):
    """Return all defined overloads for *func* as a sequence."""
    key = (getattr(func, '__module__', None), getattr(func, '__qualname__', None))
    return list(_overload_registry.get(key, []))


def clear_overloads():
    """Clear all overloads in the registry."""
    _overload_registry.clear()


def final(f):
    """Decorator to indicate final methods and final classes."""
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    """Decorator to indicate that annotations are not type hints."""
    try:
        arg.__no_type_check__ = True
    except TypeError:
        pass
    return arg


def no_type_check_decorator(decorator):
    """Decorator to give another decorator the @no_type_check effect."""
    return decorator


def dataclass_transform(*, eq_default=True, order_default=False, kw_only_default=False,
                        field_specifiers=(), **kwargs):
    """Decorator that marks a function, class, or metaclass as providing dataclass-like
    behavior."""
    def decorator(cls_or_fn):
        cls_or_fn.__dataclass_transform__ = {
            'eq_default': eq_default, 'order_default': order_default,
            'kw_only_default': kw_only_default, 'field_specifiers': field_specifiers,
            'kwargs': kwargs}
        return cls_or_fn
    return decorator


class NewType:
    """NewType creates simple unique types with almost zero runtime overhead."""

    def __init__(self, name, tp):
        self.__qualname__ = name
        if '.' in name:
            name = name.rpartition('.')[-1]
        self.__name__ = name
        self.__supertype__ = tp
        self.__module__ = '__main__'

    def __mro_entries__(self, bases):
        superclass_name = self.__name__
        raise TypeError('Cannot subclass an instance of NewType. Perhaps you were looking for: '
                        '`%s = NewType(%r, %s)`' % ('SubType', 'SubType', superclass_name))

    def __repr__(self):
        return '%s.%s' % (self.__module__, self.__qualname__)

    def __call__(self, x):
        return x

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def _resolve_name(text, globalns):
    # Evaluates a dotted name in globalns/builtins (cs has no eval).
    import builtins
    parts = text.strip().split('.')
    if not all(p.isidentifier() for p in parts):
        return ForwardRef(text)
    head = parts[0]
    if globalns is not None and head in globalns:
        obj = globalns[head]
    elif head in builtins.__dict__:
        obj = builtins.__dict__[head]
    else:
        raise NameError("name '%s' is not defined" % (head,))
    for p in parts[1:]:
        obj = getattr(obj, p)
    return obj


def _eval_hint(value, globalns):
    if value is None:
        return _NoneType
    if isinstance(value, str):
        return _resolve_name(value, globalns)
    if isinstance(value, ForwardRef):
        return _resolve_name(value.__forward_arg__, globalns)
    return value


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """Return type hints for an object."""
    if isinstance(obj, type):
        hints = {}
        for base in reversed(obj.__mro__):
            ann = base.__dict__.get('__annotations__', {})
            if globalns is None:
                module = sys.modules.get(base.__module__)
                base_globals = getattr(module, '__dict__', {})
            else:
                base_globals = globalns
            for name, value in ann.items():
                hints[name] = _eval_hint(value, base_globals)
        return hints
    if globalns is None:
        globalns = getattr(obj, '__globals__', None)
        if globalns is None:
            module = sys.modules.get(getattr(obj, '__module__', None))
            globalns = getattr(module, '__dict__', {})
    hints = getattr(obj, '__annotations__', None)
    if hints is None:
        if isinstance(obj, type(sys)):
            return {}
        raise TypeError('%r is not a module, class, method, or function.' % (obj,))
    return {name: _eval_hint(value, globalns) for name, value in hints.items()}


# ---------------------------------------------------------------------------
# Aliases of the concrete and abstract collections

_abc = collections.abc

List = _SpecialGenericAlias(list, 1, inst=False, name='List')
Dict = _SpecialGenericAlias(dict, 2, inst=False, name='Dict')
Set = _SpecialGenericAlias(set, 1, inst=False, name='Set')
FrozenSet = _SpecialGenericAlias(frozenset, 1, inst=False, name='FrozenSet')
Tuple = _TupleAlias(tuple, -1, inst=False, name='Tuple')
Type = _SpecialGenericAlias(type, 1, inst=False, name='Type')
Deque = _SpecialGenericAlias(collections.deque, 1, name='Deque')
DefaultDict = _SpecialGenericAlias(collections.defaultdict, 2, name='DefaultDict')
OrderedDict = _SpecialGenericAlias(collections.OrderedDict, 2, name='OrderedDict')
Counter = _SpecialGenericAlias(collections.Counter, 1, name='Counter')
ChainMap = _SpecialGenericAlias(collections.ChainMap, 2, name='ChainMap')
Callable = _CallableType(_abc.Callable, 2, name='Callable')
Hashable = _SpecialGenericAlias(_abc.Hashable, 0, name='Hashable')
Sized = _SpecialGenericAlias(_abc.Sized, 0, name='Sized')
Awaitable = _SpecialGenericAlias(_abc.Awaitable, 1, name='Awaitable')
Coroutine = _SpecialGenericAlias(_abc.Coroutine, 3, name='Coroutine')
AsyncIterable = _SpecialGenericAlias(_abc.AsyncIterable, 1, name='AsyncIterable')
AsyncIterator = _SpecialGenericAlias(_abc.AsyncIterator, 1, name='AsyncIterator')
AsyncGenerator = _SpecialGenericAlias(_abc.AsyncGenerator, 2, name='AsyncGenerator')
Iterable = _SpecialGenericAlias(_abc.Iterable, 1, name='Iterable')
Iterator = _SpecialGenericAlias(_abc.Iterator, 1, name='Iterator')
Generator = _SpecialGenericAlias(_abc.Generator, 3, name='Generator')
Reversible = _SpecialGenericAlias(_abc.Reversible, 1, name='Reversible')
Container = _SpecialGenericAlias(_abc.Container, 1, name='Container')
Collection = _SpecialGenericAlias(_abc.Collection, 1, name='Collection')
AbstractSet = _SpecialGenericAlias(_abc.Set, 1, name='AbstractSet')
MutableSet = _SpecialGenericAlias(_abc.MutableSet, 1, name='MutableSet')
Mapping = _SpecialGenericAlias(_abc.Mapping, 2, name='Mapping')
MutableMapping = _SpecialGenericAlias(_abc.MutableMapping, 2, name='MutableMapping')
Sequence = _SpecialGenericAlias(_abc.Sequence, 1, name='Sequence')
MutableSequence = _SpecialGenericAlias(_abc.MutableSequence, 1, name='MutableSequence')
ByteString = _SpecialGenericAlias(_abc.ByteString, 0, name='ByteString')
MappingView = _SpecialGenericAlias(_abc.MappingView, 1, name='MappingView')
KeysView = _SpecialGenericAlias(_abc.KeysView, 1, name='KeysView')
ItemsView = _SpecialGenericAlias(_abc.ItemsView, 2, name='ItemsView')
ValuesView = _SpecialGenericAlias(_abc.ValuesView, 1, name='ValuesView')


class _ContextManagerBase:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        return None


class _AsyncContextManagerBase:
    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc_value, traceback):
        return None


ContextManager = _SpecialGenericAlias(_ContextManagerBase, 1, name='ContextManager')
AsyncContextManager = _SpecialGenericAlias(_AsyncContextManagerBase, 1,
                                           name='AsyncContextManager')

Text = str
AnyStr = TypeVar('AnyStr', bytes, str)
AnyStr.__module__ = 'typing'
T = TypeVar('T')
KT = TypeVar('KT')
VT = TypeVar('VT')
T_co = TypeVar('T_co', covariant=True)
V_co = TypeVar('V_co', covariant=True)
VT_co = TypeVar('VT_co', covariant=True)
T_contra = TypeVar('T_contra', contravariant=True)
CT_co = TypeVar('CT_co', covariant=True, bound=type)
for _tv in (T, KT, VT, T_co, V_co, VT_co, T_contra, CT_co):
    _tv.__module__ = 'typing'
del _tv


class SupportsInt(Protocol):
    """An ABC with one abstract method __int__."""
    __slots__ = ()

    def __int__(self):
        pass


class SupportsFloat(Protocol):
    """An ABC with one abstract method __float__."""
    __slots__ = ()

    def __float__(self):
        pass


class SupportsComplex(Protocol):
    """An ABC with one abstract method __complex__."""
    __slots__ = ()

    def __complex__(self):
        pass


class SupportsBytes(Protocol):
    """An ABC with one abstract method __bytes__."""
    __slots__ = ()

    def __bytes__(self):
        pass


class SupportsIndex(Protocol):
    """An ABC with one abstract method __index__."""
    __slots__ = ()

    def __index__(self):
        pass


class SupportsAbs(Protocol):
    """An ABC with one abstract method __abs__ that is covariant in its return type."""
    __slots__ = ()

    def __abs__(self):
        pass


class SupportsRound(Protocol):
    """An ABC with one abstract method __round__ that is covariant in its return type."""
    __slots__ = ()

    def __round__(self, ndigits=0):
        pass


for _p in (SupportsInt, SupportsFloat, SupportsComplex, SupportsBytes, SupportsIndex,
           SupportsAbs, SupportsRound):
    _p._is_runtime_protocol = True
del _p


class IO(Generic):
    """Generic base class for TextIO and BinaryIO."""
    __slots__ = ()


class BinaryIO(IO):
    """Typed version of the return of open() in binary mode."""
    __slots__ = ()


class TextIO(IO):
    """Typed version of the return of open() in text mode."""
    __slots__ = ()


class Pattern(Generic):
    """Placeholder for re.Pattern (cs has no re module)."""
    __slots__ = ()


class Match(Generic):
    """Placeholder for re.Match (cs has no re module)."""
    __slots__ = ()
