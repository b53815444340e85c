# The os module: the portable face of the posix C module (stdlib/mod_os.c).
# It re-exports the system calls and adds what is written in cs: environ (a
# mapping that writes through to the process environment), os.path (the
# posixpath module), fspath, walk, scandir, makedirs and removedirs.

import sys
import posix
from posix import *
from posix import _exit

name = 'posix'
sep = '/'
altsep = None
extsep = '.'
pathsep = ':'
linesep = '\n'
curdir = '.'
pardir = '..'
defpath = '/bin:/usr/bin'
devnull = '/dev/null'
supports_bytes_environ = True

error = OSError


# ---------------------------------------------------------------------------
# Paths

class PathLike:
    """Abstract base class for implementing the file system path protocol."""

    def __fspath__(self):
        raise NotImplementedError


def fspath(path):
    """Return the file system representation of the path: str and bytes
    unchanged, otherwise the result of path.__fspath__()."""
    if isinstance(path, (str, bytes)):
        return path
    kind = type(path)
    try:
        result = kind.__fspath__(path)
    except AttributeError:
        if hasattr(kind, '__fspath__'):
            raise
        raise TypeError("expected str, bytes or os.PathLike object, not "
                        + kind.__name__) from None
    if isinstance(result, (str, bytes)):
        return result
    raise TypeError("expected {}.__fspath__() to return str or bytes, not {}"
                    .format(kind.__name__, type(result).__name__))


def fsencode(filename):
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode('utf-8', 'surrogateescape')
    return filename


def fsdecode(filename):
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode('utf-8', 'surrogateescape')
    return filename


# ---------------------------------------------------------------------------
# The environment

def _env_str(value):
    if not isinstance(value, str):
        raise TypeError("str expected, not %s" % type(value).__name__)
    return value


class _Environ:
    """os.environ: a str -> str mapping kept in step with the process
    environment (putenv/unsetenv), so child processes inherit changes."""

    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        _env_str(key)
        try:
            return self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key, value):
        _env_str(key)
        _env_str(value)
        putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        _env_str(key)
        unsetenv(key)
        try:
            del self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return isinstance(key, str) and key in self._data

    def __eq__(self, other):
        if isinstance(other, _Environ):
            return self._data == other._data
        if isinstance(other, dict):
            return self._data == other
        return NotImplemented

    def __repr__(self):
        items = ', '.join('{!r}: {!r}'.format(k, v) for k, v in self._data.items())
        return 'environ({' + items + '})'

    def __or__(self, other):
        if not isinstance(other, (dict, _Environ)):
            return NotImplemented
        new = dict(self._data)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, (dict, _Environ)):
            return NotImplemented
        new = dict(other)
        new.update(self._data)
        return new

    def __ior__(self, other):
        self.update(other)
        return self

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def copy(self):
        return dict(self._data)

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    _MISSING = object()

    def pop(self, key, default=_MISSING):
        try:
            value = self[key]
        except KeyError:
            if default is _Environ._MISSING:
                raise
            return default
        del self[key]
        return value

    def popitem(self):
        # As MutableMapping.popitem: the first key, not the last.
        for key in self._data:
            break
        else:
            raise KeyError
        value = self._data[key]
        del self[key]
        return key, value

    def clear(self):
        for key in list(self._data):
            del self[key]

    def update(self, other=(), **kwds):
        if hasattr(other, 'keys'):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value


environ = _Environ(posix.environ)


def getenv(key, default=None):
    """Get an environment variable, return None if it doesn't exist."""
    return environ.get(key, default)


# ---------------------------------------------------------------------------
# Directories

def makedirs(name, mode=0o777, exist_ok=False):
    """Create a leaf directory and all intermediate ones."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass  # another process created it meanwhile
        here = b'.' if isinstance(tail, bytes) else '.'
        if tail == here:
            return  # "a/." : the parent was the last real component
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    """Remove a leaf directory, then every empty parent."""
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    """Rename, creating the new parents and pruning the old empty ones."""
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


_S_IFMT = 0o170000
_S_IFDIR = 0o040000
_S_IFREG = 0o100000
_S_IFLNK = 0o120000


class DirEntry:
    """One entry of scandir(): its name and path, with file-type questions
    answered from one lstat (and a stat when following a link)."""

    def __init__(self, dirpath, name):
        self.name = name
        self.path = path.join(dirpath, name)
        self._lstat = None
        self._stat = None

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return '<DirEntry {!r}>'.format(self.name)

    def stat(self, *, follow_symlinks=True):
        if not follow_symlinks:
            if self._lstat is None:
                self._lstat = lstat(self.path)
            return self._lstat
        if self._stat is None:
            if self.is_symlink():
                self._stat = stat(self.path)
            else:
                self._stat = self.stat(follow_symlinks=False)
        return self._stat

    def inode(self):
        return self.stat(follow_symlinks=False).st_ino

    def _is_kind(self, kind, follow_symlinks):
        try:
            st = self.stat(follow_symlinks=follow_symlinks)
        except FileNotFoundError:
            return False
        return (st.st_mode & _S_IFMT) == kind

    def is_dir(self, *, follow_symlinks=True):
        return self._is_kind(_S_IFDIR, follow_symlinks)

    def is_file(self, *, follow_symlinks=True):
        return self._is_kind(_S_IFREG, follow_symlinks)

    def is_symlink(self):
        return self._is_kind(_S_IFLNK, False)


class _ScandirIterator:
    def __init__(self, top):
        self._top = top
        self._names = iter(listdir(top))

    def __iter__(self):
        return self

    def __next__(self):
        if self._names is None:
            raise StopIteration
        return DirEntry(self._top, next(self._names))

    def close(self):
        self._names = None

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()
        return False


def scandir(path='.'):
    """An iterator of DirEntry objects for the entries of a directory."""
    return _ScandirIterator(fspath(path))


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Directory tree generator: yields (dirpath, dirnames, filenames) for
    top and every directory below it. Top-down, the caller may prune
    dirnames in place; bottom-up, children come before their parent."""
    top = fspath(top)
    try:
        entries = list(scandir(top))
    except OSError as error:
        if onerror is not None:
            onerror(error)
        return
    dirs = []
    nondirs = []
    later = []  # bottom-up: directories to descend into, in listing order
    for entry in entries:
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if not is_dir:
            nondirs.append(entry.name)
            continue
        dirs.append(entry.name)
        if not topdown:
            try:
                into = followlinks or not entry.is_symlink()
            except OSError:
                into = True
            if into:
                later.append(entry.path)
    if topdown:
        yield top, dirs, nondirs
        for name in dirs:
            sub = path.join(top, name)
            if followlinks or not path.islink(sub):
                yield from walk(sub, topdown, onerror, followlinks)
    else:
        for sub in later:
            yield from walk(sub, topdown, onerror, followlinks)
        yield top, dirs, nondirs


def get_exec_path(env=None):
    if env is None:
        env = environ
    value = env.get('PATH')
    if value is None:
        value = defpath
    return value.split(pathsep)


import posixpath as path
sys.modules['os.path'] = path
