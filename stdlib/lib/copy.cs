# copy: shallow and deep copy, written in cs. Honours __copy__, __deepcopy__,
# __reduce_ex__/__reduce__ defined by a class, __getnewargs__, __getstate__
# and __setstate__; other instances are rebuilt with cls.__new__(cls) plus
# their __dict__ (and their items, for list and dict subclasses).

__all__ = ['Error', 'copy', 'deepcopy']


class Error(Exception):
    pass


error = Error


class _C:
    def _m(self):
        pass


_FunctionType = type(_C._m)
_MethodType = type(_C()._m)
_BuiltinType = type(len)

_ATOMIC = {type(None), int, float, bool, str, bytes, type, range, _FunctionType, _BuiltinType,
           type(Ellipsis), type(NotImplemented), property, frozenset, tuple}


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if cls in _ATOMIC:
        return x
    if cls is list or cls is dict or cls is set or cls is bytearray:
        return cls.copy(x)
    if issubclass(cls, type):
        return x
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x, cls)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


def _own_method(cls, name):
    # The method `name` defined by a class of the MRO other than object.
    for klass in cls.__mro__:
        if klass is object:
            return None
        d = klass.__dict__
        if name in d:
            return d[name]
    return None


def _newobj(cls, *args):
    return cls.__new__(cls, *args)


def _reduce(x, cls):
    if _own_method(cls, '__reduce_ex__') is not None:
        return x.__reduce_ex__(4)
    if _own_method(cls, '__reduce__') is not None:
        return x.__reduce__()
    if isinstance(x, (set, frozenset)):
        return cls, (list(x),), _state_of(x, cls)
    getnewargs = getattr(x, '__getnewargs__', None)
    args = (cls,) + tuple(getnewargs()) if getnewargs is not None else (cls,)
    listitems = iter(x) if isinstance(x, list) else None
    dictitems = iter(x.items()) if isinstance(x, dict) else None
    return _newobj, args, _state_of(x, cls), listitems, dictitems


def _state_of(x, cls):
    if _own_method(cls, '__getstate__') is not None:
        return x.__getstate__()
    try:
        d = x.__dict__
    except AttributeError:
        return None
    return d or None


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None):
    deep = memo is not None
    if deep and args:
        args = _deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = _deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        if deep:
            for item in listiter:
                y.append(_deepcopy(item, memo))
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                y[_deepcopy(key, memo)] = _deepcopy(value, memo)
        else:
            for key, value in dictiter:
                y[key] = value
    return y


# ---------------------------------------------------------------------------
# deepcopy

_NIL = []


def deepcopy(x, memo=None, _nil=_NIL):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    return _deepcopy(x, memo)


def _deepcopy(x, memo):
    d = id(x)
    y = memo.get(d, _NIL)
    if y is not _NIL:
        return y
    cls = type(x)
    if cls in _DEEP_ATOMIC:
        return x
    copier = _DISPATCH.get(cls)
    if copier is not None:
        y = copier(x, memo)
    elif issubclass(cls, type):
        y = x
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        else:
            rv = _reduce(x, cls)
            if isinstance(rv, str):
                y = x
            else:
                y = _reconstruct(x, memo, *rv)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


_DEEP_ATOMIC = {type(None), int, float, bool, str, bytes, type, range, _FunctionType,
                _BuiltinType, type(Ellipsis), type(NotImplemented), property}


def _deepcopy_list(x, memo):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(_deepcopy(a, memo))
    return y


def _deepcopy_tuple(x, memo):
    y = [_deepcopy(a, memo) for a in x]
    # A tuple that contains itself through a list was copied meanwhile.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            return tuple(y)
    return x


def _deepcopy_dict(x, memo):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[_deepcopy(key, memo)] = _deepcopy(value, memo)
    return y


def _deepcopy_set(x, memo):
    return type(x)([_deepcopy(a, memo) for a in x])


def _deepcopy_method(x, memo):
    return type(x)(x.__func__, _deepcopy(x.__self__, memo))


def _deepcopy_bytearray(x, memo):
    return bytearray(x)


_DISPATCH = {list: _deepcopy_list, tuple: _deepcopy_tuple, dict: _deepcopy_dict,
             set: _deepcopy_set, frozenset: _deepcopy_set, _MethodType: _deepcopy_method,
             bytearray: _deepcopy_bytearray}


def _keep_alive(x, memo):
    # Keeps x alive as long as memo, so its id() is not reused meanwhile.
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]
