# os.path for POSIX systems: pure string operations on paths (join, split,
# normpath, relpath...) and the few that ask the file system (exists, isdir,
# realpath...). Every function accepts str, bytes or an os.PathLike and
# answers in the same type, as CPython's posixpath does. The system calls
# come from the posix C module (stdlib/mod_os.c) through os (stdlib/lib/os.cs).

import os
import sys

__all__ = ["normcase", "isabs", "join", "splitdrive", "split", "splitext",
           "basename", "dirname", "commonprefix", "getsize", "getmtime",
           "getatime", "getctime", "islink", "exists", "lexists", "isdir",
           "isfile", "ismount", "expanduser", "expandvars", "normpath",
           "abspath", "samefile", "sameopenfile", "samestat", "curdir",
           "pardir", "sep", "pathsep", "defpath", "altsep", "extsep",
           "devnull", "realpath", "supports_unicode_filenames", "relpath",
           "commonpath"]

curdir = '.'
pardir = '..'
extsep = '.'
sep = '/'
pathsep = ':'
defpath = '/bin:/usr/bin'
altsep = None
devnull = '/dev/null'
supports_unicode_filenames = False

_S_IFMT = 0o170000
_S_IFDIR = 0o040000
_S_IFREG = 0o100000
_S_IFLNK = 0o120000


def _sep(p):
    # The separator in the type of p (str or bytes).
    if isinstance(p, bytes):
        return b'/'
    return '/'


def _check_arg_types(funcname, *args):
    # The TypeError CPython reports for a bad or mixed argument list.
    has_str = has_bytes = False
    for s in args:
        if isinstance(s, str):
            has_str = True
        elif isinstance(s, bytes):
            has_bytes = True
        else:
            raise TypeError(f'{funcname}() argument must be str, bytes, or '
                            f'os.PathLike object, not {s.__class__.__name__!r}') from None
    if has_str and has_bytes:
        raise TypeError("Can't mix strings and bytes in path components") from None


# ---------------------------------------------------------------------------
# Pure path arithmetic

def normcase(s):
    return os.fspath(s)


def isabs(s):
    s = os.fspath(s)
    return s.startswith(_sep(s))


def join(a, *p):
    a = os.fspath(a)
    sep = _sep(a)
    path = a
    try:
        if not p:
            path[:0] + sep  # a lone bytes/str argument is still type-checked
        for b in p:
            b = os.fspath(b)
            if b.startswith(sep):
                path = b
            elif not path or path.endswith(sep):
                path += b
            else:
                path += sep + b
    except (TypeError, AttributeError):
        _check_arg_types('join', a, *p)
        raise
    return path


def split(p):
    p = os.fspath(p)
    sep = _sep(p)
    i = p.rfind(sep) + 1
    head, tail = p[:i], p[i:]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head, tail


def splitext(p):
    p = os.fspath(p)
    if isinstance(p, bytes):
        sep, dot = b'/', b'.'
    else:
        sep, dot = '/', '.'
    last_sep = p.rfind(sep)
    last_dot = p.rfind(dot)
    if last_dot > last_sep:
        # Leading dots belong to the name: '.bashrc' has no extension.
        i = last_sep + 1
        while i < last_dot:
            if p[i:i + 1] != dot:
                return p[:last_dot], p[last_dot:]
            i += 1
    return p, p[:0]


def splitdrive(p):
    p = os.fspath(p)
    return p[:0], p


def basename(p):
    p = os.fspath(p)
    return p[p.rfind(_sep(p)) + 1:]


def dirname(p):
    p = os.fspath(p)
    sep = _sep(p)
    head = p[:p.rfind(sep) + 1]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head


def commonprefix(m):
    if not m:
        return ''
    if not isinstance(m[0], (list, tuple)):
        m = tuple(map(os.fspath, m))
    lo = min(m)
    hi = max(m)
    for i in range(len(lo)):
        if lo[i] != hi[i]:
            return lo[:i]
    return lo


def normpath(path):
    path = os.fspath(path)
    if isinstance(path, bytes):
        sep, empty, dot, dotdot = b'/', b'', b'.', b'..'
    else:
        sep, empty, dot, dotdot = '/', '', '.', '..'
    if path == empty:
        return dot
    # POSIX keeps exactly two leading slashes; three or more mean one.
    leading = 0
    if path.startswith(sep):
        leading = 1
        if path.startswith(sep * 2) and not path.startswith(sep * 3):
            leading = 2
    parts = []
    for comp in path.split(sep):
        if comp == empty or comp == dot:
            continue
        if comp != dotdot:
            parts.append(comp)
        elif parts and parts[-1] != dotdot:
            parts.pop()
        elif not leading:
            parts.append(comp)
    path = sep * leading + sep.join(parts)
    return path or dot


def abspath(path):
    path = os.fspath(path)
    if not isabs(path):
        cwd = os.getcwdb() if isinstance(path, bytes) else os.getcwd()
        path = join(cwd, path)
    return normpath(path)


def relpath(path, start=None):
    if not path:
        raise ValueError("no path specified")
    path = os.fspath(path)
    if isinstance(path, bytes):
        sep, cur, par = b'/', b'.', b'..'
    else:
        sep, cur, par = '/', '.', '..'
    if start is None:
        start = cur
    else:
        start = os.fspath(start)
    try:
        start_parts = [x for x in abspath(start).split(sep) if x]
        path_parts = [x for x in abspath(path).split(sep) if x]
        common = 0
        for a, b in zip(start_parts, path_parts):
            if a != b:
                break
            common += 1
        rel = [par] * (len(start_parts) - common) + path_parts[common:]
        if not rel:
            return cur
        return join(*rel)
    except (TypeError, AttributeError):
        _check_arg_types('relpath', path, start)
        raise


def commonpath(paths):
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    paths = tuple(map(os.fspath, paths))
    if isinstance(paths[0], bytes):
        sep, cur = b'/', b'.'
    else:
        sep, cur = '/', '.'
    try:
        split_paths = [p.split(sep) for p in paths]
        isabs_set = set(p[:1] == sep for p in paths)
        if len(isabs_set) != 1:
            raise ValueError("Can't mix absolute and relative paths")
        split_paths = [[c for c in s if c and c != cur] for s in split_paths]
        lo = min(split_paths)
        hi = max(split_paths)
        common = lo
        for i in range(len(lo)):
            if lo[i] != hi[i]:
                common = lo[:i]
                break
        prefix = sep if isabs_set.pop() else sep[:0]
        return prefix + sep.join(common)
    except (TypeError, AttributeError):
        _check_arg_types('commonpath', *paths)
        raise


# ---------------------------------------------------------------------------
# Questions for the file system

def exists(path):
    try:
        os.stat(path)
    except (OSError, ValueError):
        return False
    return True


def lexists(path):
    try:
        os.lstat(path)
    except (OSError, ValueError):
        return False
    return True


def _mode_is(path, kind, stat_fn):
    try:
        st = stat_fn(path)
    except (OSError, ValueError):
        return False
    return (st.st_mode & _S_IFMT) == kind


def isfile(path):
    return _mode_is(path, _S_IFREG, os.stat)


def isdir(s):
    return _mode_is(s, _S_IFDIR, os.stat)


def islink(path):
    return _mode_is(path, _S_IFLNK, os.lstat)


def ismount(path):
    try:
        s1 = os.lstat(path)
    except (OSError, ValueError):
        return False
    if (s1.st_mode & _S_IFMT) == _S_IFLNK:
        return False
    path = os.fspath(path)
    parent = join(path, b'..' if isinstance(path, bytes) else '..')
    parent = realpath(parent)
    try:
        s2 = os.lstat(parent)
    except (OSError, ValueError):
        return False
    return s1.st_dev != s2.st_dev or s1.st_ino == s2.st_ino


def getsize(filename):
    return os.stat(filename).st_size


def getmtime(filename):
    return os.stat(filename).st_mtime


def getatime(filename):
    return os.stat(filename).st_atime


def getctime(filename):
    return os.stat(filename).st_ctime


def samestat(s1, s2):
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev


def samefile(f1, f2):
    return samestat(os.stat(f1), os.stat(f2))


def sameopenfile(fp1, fp2):
    return samestat(os.fstat(fp1), os.fstat(fp2))


# ---------------------------------------------------------------------------
# Expansion of ~ and $VAR

def _home_of(user):
    # The home folder of a user name from /etc/passwd, or None.
    try:
        with open('/etc/passwd') as f:
            for line in f:
                fields = line.rstrip('\n').split(':')
                if len(fields) >= 6 and fields[0] == user:
                    return fields[5]
    except OSError:
        pass
    return None


def _home_of_uid(uid):
    try:
        with open('/etc/passwd') as f:
            for line in f:
                fields = line.rstrip('\n').split(':')
                if len(fields) >= 6 and fields[2] == str(uid):
                    return fields[5]
    except OSError:
        pass
    return None


def expanduser(path):
    path = os.fspath(path)
    is_bytes = isinstance(path, bytes)
    tilde = b'~' if is_bytes else '~'
    if not path.startswith(tilde):
        return path
    sep = _sep(path)
    i = path.find(sep, 1)
    if i < 0:
        i = len(path)
    if i == 1:
        if 'HOME' in os.environ:
            home = os.environ['HOME']
        else:
            home = _home_of_uid(os.getuid())
    else:
        name = path[1:i]
        if is_bytes:
            name = name.decode('utf-8', 'replace')
        home = _home_of(name)
    if home is None:
        return path
    if is_bytes:
        home = home.encode('utf-8')
    home = home.rstrip(sep)
    return (home + path[i:]) or sep


def _is_name_char(c):
    return c == '_' or ('a' <= c <= 'z') or ('A' <= c <= 'Z') or ('0' <= c <= '9')


def expandvars(path):
    path = os.fspath(path)
    if isinstance(path, bytes):
        if b'$' not in path:
            return path
        text = path.decode('latin-1')
        return _expand_text(text, True).encode('latin-1')
    if '$' not in path:
        return path
    return _expand_text(path, False)


def _lookup_var(name, is_bytes):
    if is_bytes:
        name = name.encode('latin-1').decode('utf-8', 'replace')
    value = os.environ.get(name)
    if value is not None and is_bytes:
        value = value.encode('utf-8').decode('latin-1')
    return value


def _expand_text(text, is_bytes):
    # $name and ${name}; unknown variables are left as written.
    out = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c != '$':
            out.append(c)
            i += 1
            continue
        if i + 1 < n and text[i + 1] == '{':
            end = text.find('}', i + 2)
            if end < 0:
                out.append(c)
                i += 1
                continue
            name = text[i + 2:end]
            whole = text[i:end + 1]
            i = end + 1
        else:
            j = i + 1
            while j < n and _is_name_char(text[j]):
                j += 1
            if j == i + 1:
                out.append(c)
                i += 1
                continue
            name = text[i + 1:j]
            whole = text[i:j]
            i = j
        value = _lookup_var(name, is_bytes)
        out.append(whole if value is None else value)
    return ''.join(out)


# ---------------------------------------------------------------------------
# realpath: resolve symbolic links, detecting loops.

def realpath(filename, *, strict=False):
    filename = os.fspath(filename)
    path, ok = _resolve(filename[:0], filename, strict, {})
    return abspath(path)


def _resolve(path, rest, strict, seen):
    # Joins `rest` onto the resolved `path`, one component at a time.
    # `seen` maps each link being resolved to its target (None while in
    # progress, so meeting it again means a loop). Returns (path, ok).
    if isinstance(path, bytes):
        sep, cur, par = b'/', b'.', b'..'
    else:
        sep, cur, par = '/', '.', '..'
    if rest.startswith(sep):
        rest = rest[1:]
        path = sep
    while rest:
        name, _, rest = rest.partition(sep)
        if not name or name == cur:
            continue
        if name == par:
            if path:
                path, name = split(path)
                if name == par:
                    path = join(path, par, par)
            else:
                path = par
            continue
        newpath = join(path, name)
        try:
            st = os.lstat(newpath)
        except OSError:
            if strict:
                raise
            is_link = False
        else:
            is_link = (st.st_mode & _S_IFMT) == _S_IFLNK
        if not is_link:
            path = newpath
            continue
        if newpath in seen:
            target = seen[newpath]
            if target is not None:
                path = target
                continue
            if strict:
                os.stat(newpath)  # raises OSError(ELOOP)
            return join(newpath, rest), False
        seen[newpath] = None
        path, ok = _resolve(path, os.readlink(newpath), strict, seen)
        if not ok:
            return join(path, rest), False
        seen[newpath] = path
    return path, True
