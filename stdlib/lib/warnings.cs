# warnings: warn() with CPython's filters and "file:line: Category: message"
# report on sys.stderr, simplefilter/filterwarnings, catch_warnings, written
# in cs. The caller's location comes from a traceback's frames when cs
# exposes them (tb_frame, f_back); otherwise it is reported as "sys:1", as
# CPython does when it has no frame. Filter patterns are matched as literal
# prefixes (cs has no re module); a trailing \Z asks for an exact match.

import sys

__all__ = ['warn', 'warn_explicit', 'showwarning', 'formatwarning', 'filterwarnings',
           'simplefilter', 'resetwarnings', 'catch_warnings']

_ACTIONS = ('error', 'ignore', 'always', 'default', 'module', 'once')


class _Pattern:
    # The subset of a regular expression cs supports here: a literal prefix.
    def __init__(self, text, ignore_case):
        self.exact = text.endswith('\\Z')
        if self.exact:
            text = text[:-2]
        if text.endswith('.*'):
            text = text[:-2]
        self.text = text.lower() if ignore_case else text
        self.ignore_case = ignore_case
        self.pattern = text

    def match(self, s):
        if self.ignore_case:
            s = s.lower()
        if self.exact:
            return s == self.text
        return s.startswith(self.text)

    def __repr__(self):
        return 're.compile(%r)' % (self.pattern,)


filters = [
    ('default', None, DeprecationWarning, _Pattern('__main__\\Z', False), 0),
    ('ignore', None, DeprecationWarning, None, 0),
    ('ignore', None, PendingDeprecationWarning, None, 0),
    ('ignore', None, ImportWarning, None, 0),
    ('ignore', None, ResourceWarning, None, 0),
]
defaultaction = 'default'
onceregistry = {}
_registries = {}
_filters_version = 1


def _filters_mutated():
    global _filters_version
    _filters_version += 1


def _add_filter(item, append):
    if not append:
        try:
            filters.remove(item)
        except ValueError:
            pass
        filters.insert(0, item)
    elif item not in filters:
        filters.append(item)
    _filters_mutated()


def filterwarnings(action, message='', category=Warning, module='', lineno=0, append=False):
    """Insert an entry into the list of warnings filters (at the front)."""
    if action not in _ACTIONS:
        raise AssertionError('invalid action: %r' % (action,))
    if not isinstance(message, str):
        raise AssertionError('message must be a string')
    if not isinstance(category, type) or not issubclass(category, Warning):
        raise AssertionError('category must be a Warning subclass')
    if not isinstance(module, str):
        raise AssertionError('module must be a string')
    if not isinstance(lineno, int) or lineno < 0:
        raise AssertionError('lineno must be an int >= 0')
    msg = _Pattern(message, True) if message else None
    mod = _Pattern(module, False) if module else None
    _add_filter((action, msg, category, mod, lineno), append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Insert a simple entry into the list of warnings filters (at the front)."""
    if action not in _ACTIONS:
        raise AssertionError('invalid action: %r' % (action,))
    if not isinstance(lineno, int) or lineno < 0:
        raise AssertionError('lineno must be an int >= 0')
    _add_filter((action, None, category, None, lineno), append)


def resetwarnings():
    """Clear the list of warning filters, so that no filters are active."""
    filters[:] = []
    _filters_mutated()


# ---------------------------------------------------------------------------
# Reporting

def _source_line(filename, lineno):
    try:
        with open(filename) as f:
            for i, line in enumerate(f, 1):
                if i == lineno:
                    return line
    except (OSError, UnicodeDecodeError, TypeError, ValueError):
        pass
    return None


def formatwarning(message, category, filename, lineno, line=None):
    """Function to format a warning the standard way."""
    s = '%s:%s: %s: %s\n' % (filename, lineno, category.__name__, message)
    if line is None:
        line = _source_line(filename, lineno)
    if line:
        line = line.strip()
        s += '  %s\n' % line
    return s


def _showwarning_orig(message, category, filename, lineno, file=None, line=None):
    """Hook to write a warning to a file; replace if you like."""
    if file is None:
        file = sys.stderr
        if file is None:
            return
    try:
        file.write(formatwarning(message, category, filename, lineno, line))
    except OSError:
        pass


showwarning = _showwarning_orig


class WarningMessage(object):
    _WARNING_DETAILS = ('message', 'category', 'filename', 'lineno', 'file', 'line', 'source')

    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ('{message : %r, category : %r, filename : %r, lineno : %s, line : %r}'
                % (self.message, self._category_name, self.filename, self.lineno, self.line))


def _showwarnmsg(msg):
    if showwarning is _showwarning_orig and msg.source is not None:
        # A warning about an object (source=): CPython adds a line pointing
        # at tracemalloc, which is not tracing (cs has none).
        file = sys.stderr if msg.file is None else msg.file
        if file is None:
            return
        text = formatwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.line)
        text += ('%s: Enable tracemalloc to get the object allocation traceback\n'
                 % msg.category.__name__)
        try:
            file.write(text)
        except OSError:
            pass
        return
    showwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)


def _warn_unawaited_coroutine(coro):
    # Called by the interpreter when a coroutine that never ran is collected.
    msg = "coroutine '%s' was never awaited" % (coro.__qualname__,)
    warn(msg, category=RuntimeWarning, stacklevel=2, source=coro)


# ---------------------------------------------------------------------------
# warn

class _Probe(Exception):
    pass


def _caller(stacklevel):
    # (filename, lineno, module name) of the frame stacklevel levels above
    # warn()'s caller, or None when cs gives no frames.
    try:
        raise _Probe
    except _Probe as e:
        tb = e.__traceback__
    frame = getattr(tb, 'tb_frame', None)
    if frame is None:
        return None
    frame = getattr(frame, 'f_back', None)
    for _ in range(stacklevel):
        if frame is None:
            return None
        frame = getattr(frame, 'f_back', None)
    if frame is None:
        return None
    try:
        code = frame.f_code
        name = frame.f_globals.get('__name__', '<string>')
        return code.co_filename, frame.f_lineno, name
    except AttributeError:
        return None


def warn(message, category=None, stacklevel=1, source=None):
    """Issue a warning, or maybe ignore it or raise an exception."""
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not '%s'"
                        % (type(category).__name__,))
    where = _caller(stacklevel)
    if where is None:
        filename, lineno, module = 'sys', 1, '__main__'
    else:
        filename, lineno, module = where
    registry = _registries.setdefault(module, {})
    warn_explicit(message, category, filename, lineno, module, registry, None, source)


def warn_explicit(message, category, filename, lineno, module=None, registry=None,
                  module_globals=None, source=None):
    lineno = int(lineno)
    if module is None:
        module = filename or '<unknown>'
        for ext in ('.cs', '.py'):
            if module.endswith(ext):
                module = module[:-len(ext)]
    if registry is None:
        registry = {}
    if registry.get('version', 0) != _filters_version:
        registry.clear()
        registry['version'] = _filters_version
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
    if registry.get(key):
        return
    for item in filters:
        action, msg, cat, mod, ln = item
        if ((msg is None or msg.match(text)) and issubclass(category, cat) and
                (mod is None or mod.match(module)) and (ln == 0 or lineno == ln)):
            break
    else:
        action = defaultaction
    if action == 'ignore':
        return
    if action == 'error':
        raise message
    if action == 'once':
        registry[key] = 1
        oncekey = (text, category)
        if onceregistry.get(oncekey):
            return
        onceregistry[oncekey] = 1
    elif action == 'always':
        pass
    elif action == 'module':
        registry[key] = 1
        altkey = (text, category, 0)
        if registry.get(altkey):
            return
        registry[altkey] = 1
    elif action == 'default':
        registry[key] = 1
    else:
        raise RuntimeError('Unrecognized action (%r) in warnings.filters:\n %s'
                           % (action, item))
    _showwarnmsg(WarningMessage(message, category, filename, lineno, source=source))


class catch_warnings(object):
    """A context manager that copies and restores the warnings filter upon
    exiting the context."""

    def __init__(self, *, record=False, module=None, action=None, category=Warning, lineno=0,
                 append=False):
        self._record = record
        self._module = sys.modules['warnings'] if module is None else module
        self._entered = False
        if action is None:
            self._filter = None
        else:
            self._filter = (action, category, lineno, append)

    def __repr__(self):
        args = []
        if self._record:
            args.append('record=True')
        name = type(self).__name__
        return '%s(%s)' % (name, ', '.join(args))

    def __enter__(self):
        global showwarning
        if self._entered:
            raise RuntimeError('Cannot enter %r twice' % self)
        self._entered = True
        self._filters = filters[:]
        _filters_mutated()
        self._showwarning = showwarning
        if self._filter is not None:
            simplefilter(*self._filter)
        if self._record:
            log = []

            def record(message, category, filename, lineno, file=None, line=None):
                log.append(WarningMessage(message, category, filename, lineno, file, line))
            showwarning = record
            return log
        return None

    def __exit__(self, *exc_info):
        global showwarning
        if not self._entered:
            raise RuntimeError('Cannot exit %r without entering first' % self)
        filters[:] = self._filters
        _filters_mutated()
        showwarning = self._showwarning
