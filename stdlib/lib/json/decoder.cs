# json.decoder: JSONDecoder, JSONDecodeError and the scanner, written in cs.
# The scanner follows CPython's C scanner (Modules/_json.c): the same error
# messages at the same positions, the same number and surrogate rules.

__all__ = ['JSONDecoder', 'JSONDecodeError']

NaN = float('nan')
PosInf = float('inf')
NegInf = float('-inf')

_WS = ' \t\n\r'
_DIGITS = '0123456789'
_HEX = '0123456789abcdefABCDEF'
_ESCAPES = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}
_CONSTANTS = {'-Infinity': NegInf, 'Infinity': PosInf, 'NaN': NaN}


class JSONDecodeError(ValueError):
    """Subclass of ValueError with the following additional properties:

    msg: The unformatted error message
    doc: The JSON document being parsed
    pos: The start index of doc where parsing failed
    lineno: The line corresponding to pos
    colno: The column corresponding to pos

    """

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


class _Stop(Exception):
    # "No value starts here": becomes "Expecting value" at self.pos.
    def __init__(self, pos):
        Exception.__init__(self, pos)
        self.pos = pos


def _skip_ws(s, idx, n):
    while idx < n and s[idx] in _WS:
        idx += 1
    return idx


def _first_control(chunk):
    for i in range(len(chunk)):
        if chunk[i] < ' ':
            return i
    return -1


def _find_quote(s, start, n):
    # s.find('"', start) in growing bounded windows: a bounded search costs
    # what it scans, whatever the length of the whole document.
    step = 64
    while start + step < n:
        i = s.find('"', start, start + step)
        if i >= 0:
            return i
        start += step
        step <<= 1
    return s.find('"', start, n)


def scanstring(s, end, strict=True):
    """Scan the string s for a JSON string. End is the index of the character in s after
    the quote that started the JSON string. Returns a tuple of the decoded string and the
    index of the character in s after the end quote."""
    begin = end - 1
    n = len(s)
    chunks = []
    while True:
        q = _find_quote(s, end, n)
        b = s.find('\\', end, q if q >= 0 else n)
        stop = b if b >= 0 else q
        if stop < 0:
            stop = n
        chunk = s[end:stop]
        if strict and chunk and min(chunk) < ' ':
            raise JSONDecodeError('Invalid control character at', s, end + _first_control(chunk))
        if stop >= n:
            raise JSONDecodeError('Unterminated string starting at', s, begin)
        chunks.append(chunk)
        if stop == q:
            return ''.join(chunks), q + 1
        nxt = stop + 1
        if nxt == n:
            raise JSONDecodeError('Unterminated string starting at', s, begin)
        c = s[nxt]
        if c != 'u':
            ch = _ESCAPES.get(c)
            if ch is None:
                raise JSONDecodeError('Invalid \\escape', s, nxt - 1)
            chunks.append(ch)
            end = nxt + 1
            continue
        nxt += 1
        end = nxt + 4
        if end >= n:
            raise JSONDecodeError('Invalid \\uXXXX escape', s, nxt - 1)
        code = _hex4(s, nxt, end)
        if 0xd800 <= code <= 0xdbff and end + 6 < n and s[end] == '\\' and s[end + 1] == 'u':
            code2 = _hex4(s, end + 2, end + 6)
            if 0xdc00 <= code2 <= 0xdfff:
                code = 0x10000 + (((code - 0xd800) << 10) | (code2 - 0xdc00))
                end += 6
        chunks.append(chr(code))


def _hex4(s, start, end):
    digits = s[start:end]
    for d in digits:
        if d not in _HEX:
            raise JSONDecodeError('Invalid \\uXXXX escape', s, end - 5)
    return int(digits, 16)


def _make_scanner(ctx):
    strict = ctx.strict
    parse_float = ctx.parse_float
    parse_int = ctx.parse_int
    parse_constant = ctx.parse_constant
    object_hook = ctx.object_hook
    object_pairs_hook = ctx.object_pairs_hook

    def scan_once(s, idx):
        n = len(s)
        if idx >= n:
            raise _Stop(idx)
        c = s[idx]
        if c == '"':
            return scanstring(s, idx + 1, strict)
        if c == '{':
            return parse_obj(s, idx + 1)
        if c == '[':
            return parse_arr(s, idx + 1)
        if c == 'n' and s[idx:idx + 4] == 'null':
            return None, idx + 4
        if c == 't' and s[idx:idx + 4] == 'true':
            return True, idx + 4
        if c == 'f' and s[idx:idx + 5] == 'false':
            return False, idx + 5
        if c == 'N' and s[idx:idx + 3] == 'NaN':
            return parse_constant('NaN'), idx + 3
        if c == 'I' and s[idx:idx + 8] == 'Infinity':
            return parse_constant('Infinity'), idx + 8
        if c == '-' and s[idx:idx + 9] == '-Infinity':
            return parse_constant('-Infinity'), idx + 9
        return match_number(s, idx, n)

    def match_number(s, start, n):
        idx = start
        if s[idx] == '-':
            idx += 1
            if idx >= n:
                raise _Stop(start)
        c = s[idx]
        if '1' <= c <= '9':
            idx += 1
            while idx < n and s[idx] in _DIGITS:
                idx += 1
        elif c == '0':
            idx += 1
        else:
            raise _Stop(start)
        is_float = False
        if idx + 1 < n and s[idx] == '.' and s[idx + 1] in _DIGITS:
            is_float = True
            idx += 2
            while idx < n and s[idx] in _DIGITS:
                idx += 1
        if idx + 1 < n and (s[idx] == 'e' or s[idx] == 'E'):
            e_start = idx
            idx += 1
            if idx + 1 < n and (s[idx] == '-' or s[idx] == '+'):
                idx += 1
            while idx < n and s[idx] in _DIGITS:
                idx += 1
            if s[idx - 1] in _DIGITS:
                is_float = True
            else:
                idx = e_start
        numstr = s[start:idx]
        if is_float:
            return parse_float(numstr), idx
        return parse_int(numstr), idx

    def parse_obj(s, idx):
        n = len(s)
        pairs = []
        idx = _skip_ws(s, idx, n)
        if idx >= n or s[idx] != '}':
            while True:
                if idx >= n or s[idx] != '"':
                    raise JSONDecodeError('Expecting property name enclosed in double quotes',
                                          s, idx)
                key, idx = scanstring(s, idx + 1, strict)
                idx = _skip_ws(s, idx, n)
                if idx >= n or s[idx] != ':':
                    raise JSONDecodeError("Expecting ':' delimiter", s, idx)
                idx = _skip_ws(s, idx + 1, n)
                value, idx = scan_once(s, idx)
                pairs.append((key, value))
                idx = _skip_ws(s, idx, n)
                if idx < n and s[idx] == '}':
                    break
                if idx >= n or s[idx] != ',':
                    raise JSONDecodeError("Expecting ',' delimiter", s, idx)
                idx = _skip_ws(s, idx + 1, n)
        if object_pairs_hook is not None:
            return object_pairs_hook(pairs), idx + 1
        obj = dict(pairs)
        if object_hook is not None:
            obj = object_hook(obj)
        return obj, idx + 1

    def parse_arr(s, idx):
        n = len(s)
        values = []
        idx = _skip_ws(s, idx, n)
        if idx >= n or s[idx] != ']':
            while True:
                value, idx = scan_once(s, idx)
                values.append(value)
                idx = _skip_ws(s, idx, n)
                if idx < n and s[idx] == ']':
                    break
                if idx >= n or s[idx] != ',':
                    raise JSONDecodeError("Expecting ',' delimiter", s, idx)
                idx = _skip_ws(s, idx + 1, n)
        return values, idx + 1

    return scan_once


class JSONDecoder(object):
    """Simple JSON <https://json.org> decoder"""

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.parse_string = scanstring
        self.memo = {}
        self.scan_once = _make_scanner(self)

    def decode(self, s):
        """Return the Python representation of ``s`` (a ``str`` instance
        containing a JSON document)."""
        n = len(s)
        obj, end = self.raw_decode(s, _skip_ws(s, 0, n))
        end = _skip_ws(s, end, n)
        if end != n:
            raise JSONDecodeError('Extra data', s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Decode a JSON document from ``s`` (a ``str`` beginning with
        a JSON document) and return a 2-tuple of the Python
        representation and the index in ``s`` where the document ended."""
        try:
            return self.scan_once(s, idx)
        except _Stop as err:
            raise JSONDecodeError('Expecting value', s, err.pos) from None
