# timeit: time small callables, written in cs. cs has no exec, so the
# statement and setup must be callables; a string raises ValueError saying
# so (except 'pass', which times an empty statement).

import time

__all__ = ['Timer', 'timeit', 'repeat', 'default_timer']

default_number = 1000000
default_repeat = 5
default_timer = time.perf_counter


def _no_op():
    pass


def _as_callable(stmt, what):
    if callable(stmt):
        return stmt
    if isinstance(stmt, str):
        if stmt.strip() in ('', 'pass'):
            return _no_op
        raise ValueError('%s strings cannot be timed in cs (it has no exec); pass a callable'
                         % (what,))
    raise ValueError('%s is neither a string nor callable' % (what,))


class Timer:
    """Class for timing execution speed of small code snippets."""

    def __init__(self, stmt='pass', setup='pass', timer=default_timer, globals=None):
        self.timer = timer
        self._stmt = _as_callable(stmt, 'stmt')
        self._setup = _as_callable(setup, 'setup')

    def print_exc(self, file=None):
        """Helper to print a traceback from the timed code."""
        import sys
        exc = sys.exc_info()[1]
        if exc is not None:
            print('%s: %s' % (type(exc).__name__, exc), file=file or sys.stderr)

    def timeit(self, number=default_number):
        """Time 'number' executions of the main statement."""
        self._setup()
        stmt = self._stmt
        timer = self.timer
        it = range(number)
        t0 = timer()
        for _ in it:
            stmt()
        return timer() - t0

    def repeat(self, repeat=default_repeat, number=default_number):
        """Call timeit() a few times."""
        return [self.timeit(number) for _ in range(repeat)]

    def autorange(self, callback=None):
        """Return the number of loops and time taken so that total time >= 0.2."""
        i = 1
        while True:
            for j in 1, 2, 5:
                number = i * j
                time_taken = self.timeit(number)
                if callback:
                    callback(number, time_taken)
                if time_taken >= 0.2:
                    return (number, time_taken)
            i *= 10


def timeit(stmt='pass', setup='pass', timer=default_timer, number=default_number,
           globals=None):
    """Convenience function to create Timer object and call timeit method."""
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt='pass', setup='pass', timer=default_timer, repeat=default_repeat,
           number=default_number, globals=None):
    """Convenience function to create Timer object and call repeat method."""
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)
