"""asyncio.Future (implemented in C by _asyncio)."""

import _asyncio
from _asyncio import Future, _set_result_unless_cancelled

__all__ = ('Future', 'wrap_future', 'isfuture')


def isfuture(obj):
    """True for asyncio.Future instances and objects duck-typed like them."""
    return (hasattr(obj.__class__, '_asyncio_future_blocking') and
            obj._asyncio_future_blocking is not None)


def _get_loop(fut):
    get_loop = getattr(fut, 'get_loop', None)
    if get_loop is not None:
        return get_loop()
    return fut._loop


def wrap_future(future, *, loop=None):
    if isfuture(future):
        return future
    raise TypeError(f'concurrent.futures.Future is expected, got {future!r}')
