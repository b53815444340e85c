# print(): sep, end, file= with sys.stdout/sys.stderr and user objects, flush, non-str values.
import sys

print()
print('a', 'b', 'c')
print('a', 'b', 'c', sep='')
print('a', 'b', 'c', sep=', ', end='.\n')
print(1, 2.5, None, True, [1, 'x'], (2,), {'k': 3}, sep='|')
print('no newline', end='')
print(' <- joined')
print('x', sep=None, end=None)
print(*range(5))
print(*'abc', sep='-')
print(10 ** 20, -7, 0.1 + 0.2, 1e100, float('inf'), -0.0)
print('flushed', flush=True)
print('to stdout', file=sys.stdout)
print('to stderr', file=sys.stderr)
print('unicode: é ☃ 😀', 'tab\there')
print(None, file=None)

class Collector:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        self.parts.append('<flush>')

c = Collector()
print('hello', 42, file=c)
print('a', 'b', sep='+', end='!', file=c, flush=True)
print(c.parts)

class Named:
    def __str__(self):
        return 'Named()'
    def __repr__(self):
        return 'R'

print(Named(), [Named()])

for bad in [dict(sep=1), dict(end=[]), dict(file=3), dict(foo=1)]:
    try:
        print('x', **bad)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
