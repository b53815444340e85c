# json.encoder: JSONEncoder and the string escapers, written in cs. Output
# matches CPython's C encoder: float repr, NaN/Infinity, key coercion, the
# indent layout and the error messages.

__all__ = ['JSONEncoder']

INFINITY = float('inf')

_ESCAPE_DCT = {'\\': '\\\\', '"': '\\"', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r',
               '\t': '\\t'}
for _i in range(0x20):
    _ESCAPE_DCT.setdefault(chr(_i), '\\u%04x' % (_i,))
del _i


def py_encode_basestring(s):
    """Return a JSON representation of a Python string"""
    if s.isprintable():
        if '\\' in s:
            s = s.replace('\\', '\\\\')
        if '"' in s:
            s = s.replace('"', '\\"')
        return '"' + s + '"'
    get = _ESCAPE_DCT.get
    return '"' + ''.join([get(c, c) for c in s]) + '"'


def _ascii_escape(c):
    e = _ESCAPE_DCT.get(c)
    if e is not None:
        return e
    n = ord(c)
    if n < 0x7f:
        return c
    if n < 0x10000:
        return '\\u%04x' % (n,)
    n -= 0x10000
    return '\\u%04x\\u%04x' % (0xd800 | ((n >> 10) & 0x3ff), 0xdc00 | (n & 0x3ff))


def py_encode_basestring_ascii(s):
    """Return an ASCII-only JSON representation of a Python string"""
    if s.isascii() and s.isprintable():
        if '\\' in s:
            s = s.replace('\\', '\\\\')
        if '"' in s:
            s = s.replace('"', '\\"')
        return '"' + s + '"'
    return '"' + ''.join([_ascii_escape(c) for c in s]) + '"'


encode_basestring = py_encode_basestring
encode_basestring_ascii = py_encode_basestring_ascii


class JSONEncoder(object):
    """Extensible JSON <https://json.org> encoder for Python data structures."""
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        """Implement this method in a subclass such that it returns
        a serializable object for ``o``, or calls the base implementation
        (to raise a ``TypeError``)."""
        raise TypeError('Object of type %s is not JSON serializable' % (o.__class__.__name__,))

    def encode(self, o):
        """Return a JSON string representation of a Python data structure."""
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        chunks = self.iterencode(o, _one_shot=True)
        if not isinstance(chunks, (list, tuple)):
            chunks = list(chunks)
        return ''.join(chunks)

    def iterencode(self, o, _one_shot=False):
        """Encode the given object and yield each string representation as available."""
        chunks = []
        _Encoder(self, chunks).encode(o, 0)
        return chunks


class _Encoder:
    # One encoding run: appends the pieces of the document to self.out.

    def __init__(self, enc, out):
        self.out = out
        self.markers = {} if enc.check_circular else None
        self.default = enc.default
        self.encode_str = encode_basestring_ascii if enc.ensure_ascii else encode_basestring
        self.allow_nan = enc.allow_nan
        self.skipkeys = enc.skipkeys
        self.sort_keys = enc.sort_keys
        self.item_separator = enc.item_separator
        self.key_separator = enc.key_separator
        indent = enc.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        self.indent = indent

    def floatstr(self, o):
        if o != o:
            text = 'NaN'
        elif o == INFINITY:
            text = 'Infinity'
        elif o == -INFINITY:
            text = '-Infinity'
        else:
            return float.__repr__(o)
        if not self.allow_nan:
            raise ValueError('Out of range float values are not JSON compliant')
        return text

    def encode(self, o, level):
        out = self.out
        if isinstance(o, str):
            out.append(self.encode_str(o))
        elif o is None:
            out.append('null')
        elif o is True:
            out.append('true')
        elif o is False:
            out.append('false')
        elif isinstance(o, int):
            out.append(int.__repr__(o))
        elif isinstance(o, float):
            out.append(self.floatstr(o))
        elif isinstance(o, (list, tuple)):
            self.encode_list(o, level)
        elif isinstance(o, dict):
            self.encode_dict(o, level)
        else:
            markers = self.markers
            if markers is not None:
                markerid = id(o)
                if markerid in markers:
                    raise ValueError('Circular reference detected')
                markers[markerid] = o
            self.encode(self.default(o), level)
            if markers is not None:
                del markers[markerid]

    def enter(self, o):
        markers = self.markers
        if markers is not None:
            markerid = id(o)
            if markerid in markers:
                raise ValueError('Circular reference detected')
            markers[markerid] = o

    def leave(self, o):
        if self.markers is not None:
            del self.markers[id(o)]

    def encode_list(self, lst, level):
        out = self.out
        if not lst:
            out.append('[]')
            return
        self.enter(lst)
        if self.indent is None:
            separator = self.item_separator
            out.append('[')
        else:
            level += 1
            newline_indent = '\n' + self.indent * level
            separator = self.item_separator + newline_indent
            out.append('[' + newline_indent)
        first = True
        for value in lst:
            if first:
                first = False
            else:
                out.append(separator)
            self.encode(value, level)
        if self.indent is not None:
            level -= 1
            out.append('\n' + self.indent * level)
        out.append(']')
        self.leave(lst)

    def key_str(self, key):
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return self.floatstr(key)
        if key is True:
            return 'true'
        if key is False:
            return 'false'
        if key is None:
            return 'null'
        if isinstance(key, int):
            return int.__repr__(key)
        if self.skipkeys:
            return None
        raise TypeError('keys must be str, int, float, bool or None, not %s'
                        % (key.__class__.__name__,))

    def encode_dict(self, dct, level):
        out = self.out
        if not dct:
            out.append('{}')
            return
        self.enter(dct)
        if self.indent is None:
            item_separator = self.item_separator
            out.append('{')
        else:
            level += 1
            newline_indent = '\n' + self.indent * level
            item_separator = self.item_separator + newline_indent
            out.append('{' + newline_indent)
        items = list(dct.items())
        if self.sort_keys:
            items.sort()
        key_separator = self.key_separator
        first = True
        for key, value in items:
            key = self.key_str(key)
            if key is None:
                continue
            if first:
                first = False
            else:
                out.append(item_separator)
            out.append(self.encode_str(key))
            out.append(key_separator)
            self.encode(value, level)
        if self.indent is not None:
            level -= 1
            out.append('\n' + self.indent * level)
        out.append('}')
        self.leave(dct)
