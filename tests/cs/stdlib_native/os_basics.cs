# os: process ids, constants, environ, getenv, cpu_count, strerror, urandom, fspath.
import os

print(os.name, repr(os.sep), repr(os.linesep), repr(os.pathsep), os.curdir, os.pardir,
      os.devnull, repr(os.extsep), os.altsep)
print(type(os.getpid()).__name__, os.getpid() > 0, os.getppid() > 0, os.getpid() != os.getppid())
print(os.getuid() >= 0, os.getgid() >= 0)
print(os.getcwd() == os.path.abspath('.'), os.path.isabs(os.getcwd()))
print(type(os.cpu_count()).__name__, os.cpu_count() >= 1)
print(os.strerror(2), '|', os.strerror(13), '|', os.strerror(17))
b = os.urandom(16)
print(type(b).__name__, len(b), len(os.urandom(0)))

os.environ['CS_TEST_VAR'] = 'hello'
print(os.environ['CS_TEST_VAR'], os.getenv('CS_TEST_VAR'), 'CS_TEST_VAR' in os.environ)
print(os.environ.get('CS_TEST_VAR'), os.environ.get('CS_NO_SUCH_VAR'), os.getenv('CS_NO_SUCH_VAR', 'dflt'))
os.environ['CS_TEST_VAR'] = 'changed'
print(os.environ['CS_TEST_VAR'])
del os.environ['CS_TEST_VAR']
print('CS_TEST_VAR' in os.environ, os.getenv('CS_TEST_VAR'))
print(os.environ.setdefault('CS_TEST_2', 'x'), os.environ.pop('CS_TEST_2'), os.environ.pop('CS_TEST_2', 'gone'))
print(isinstance(os.environ.copy(), dict), len(os.environ) == len(list(os.environ)))
print(all(isinstance(k, str) and isinstance(v, str) for k, v in os.environ.items()))
print(repr(os.environ).startswith('environ({'))
for bad in [lambda: os.environ['CS_NO_SUCH_VAR'], lambda: os.environ.__setitem__('X', 5),
            lambda: os.environ.__setitem__(5, 'x'), lambda: os.getenv(5)]:
    try:
        bad()
    except (KeyError, TypeError) as e:
        print(type(e).__name__ + ':', e)

class P:
    def __init__(self, p):
        self.p = p
    def __fspath__(self):
        return self.p

print(os.fspath('a/b'), os.fspath(b'x'), os.fspath(P('via/fspath')))
for bad in [5, None, P(3)]:
    try:
        os.fspath(bad)
    except TypeError as e:
        print('TypeError:', e)
print(os.path.join(P('a'), 'b'), os.path.basename(P('/x/y.txt')))
print(os.path is __import__('posixpath'), __import__('sys').modules['os.path'] is os.path)
import os.path
from os import path as p2
print(p2.join('x', 'y'))
