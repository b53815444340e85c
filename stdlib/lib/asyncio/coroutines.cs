"""iscoroutine and iscoroutinefunction."""

import functools
import types
from _asyncio import iscoroutine

__all__ = ('iscoroutinefunction', 'iscoroutine')

_is_coroutine = object()

_CO_COROUTINE = 0x80
_CO_ITERABLE_COROUTINE = 0x100


def _unwrap(func):
    while True:
        if isinstance(func, types.MethodType):
            func = func.__func__
        elif isinstance(func, functools.partial):
            func = func.func
        else:
            return func


def iscoroutinefunction(func):
    """True for an `async def` function (also through methods and partials)."""
    f = _unwrap(func)
    code = getattr(f, '__code__', None)
    if code is not None and isinstance(f, types.FunctionType) and code.co_flags & _CO_COROUTINE:
        return True
    return getattr(func, '_is_coroutine', None) is _is_coroutine
