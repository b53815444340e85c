# Argument binding for generated methods (namedtuple __new__, dataclass
# __init__): cs has no exec, so these take *args/**kwargs and bind them here,
# raising the TypeError messages CPython 3.11 gives a real signature.


def _names(names):
    quoted = ["'%s'" % n for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return '%s and %s' % (quoted[0], quoted[1])
    return ', '.join(quoted[:-1]) + ', and ' + quoted[-1]


def _missing(qualname, kind, names):
    n = len(names)
    return TypeError('%s() missing %d required %s argument%s: %s'
                     % (qualname, n, kind, '' if n == 1 else 's', _names(names)))


def _too_many(qualname, npos, ndefaults, given, kwonly_given, extra):
    if ndefaults:
        sig = 'from %d to %d' % (npos - ndefaults + extra, npos + extra)
        plural = True
    else:
        sig = '%d' % (npos + extra)
        plural = npos + extra != 1
    given += extra
    kwsig = ''
    if kwonly_given:
        kwsig = ' positional argument%s (and %d keyword-only argument%s)' % (
            '' if given == 1 else 's', kwonly_given, '' if kwonly_given == 1 else 's')
    verb = 'was' if given == 1 and not kwonly_given else 'were'
    return TypeError('%s() takes %s positional argument%s but %d%s %s given'
                     % (qualname, sig, 's' if plural else '', given, kwsig, verb))


def bind(qualname, pos, defaults, kwonly, args, kwargs, extra=1):
    """Binds args/kwargs to the parameters pos (positional-or-keyword) and
    kwonly (keyword-only). defaults maps a parameter name to its default.
    extra counts leading parameters not in pos (self/cls) for messages.
    Returns a dict name -> value, in parameter order."""
    npos = len(pos)
    nargs = len(args)
    values = {}
    i = 0
    for name in pos:
        if i >= nargs:
            break
        values[name] = args[i]
        i += 1
    if kwargs:
        for key in kwargs:
            if key in values:
                raise TypeError("%s() got multiple values for argument '%s'" % (qualname, key))
            if key not in pos and key not in kwonly:
                raise TypeError("%s() got an unexpected keyword argument '%s'" % (qualname, key))
            values[key] = kwargs[key]
    if nargs > npos:
        ndef = 0
        for name in pos:
            if name in defaults:
                ndef += 1
        kwonly_given = 0
        for name in kwonly:
            if name in values:
                kwonly_given += 1
        raise _too_many(qualname, npos, ndef, nargs, kwonly_given, extra)
    if not kwargs and nargs == npos and not kwonly:
        return values
    out = {}
    missing = []
    for name in pos:
        if name in values:
            out[name] = values[name]
        elif name in defaults:
            out[name] = defaults[name]
        else:
            missing.append(name)
    if missing:
        raise _missing(qualname, 'positional', missing)
    for name in kwonly:
        if name in values:
            out[name] = values[name]
        elif name in defaults:
            out[name] = defaults[name]
        else:
            missing.append(name)
    if missing:
        raise _missing(qualname, 'keyword-only', missing)
    return out
