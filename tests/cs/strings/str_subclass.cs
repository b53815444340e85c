# Subclasses of str: construction through __new__, methods returning plain str, repr/str/format of instances.
class Name(str):
    def shout(self):
        return self.upper() + '!'
n = Name('alice')
print(n, repr(n), type(n).__name__, n.shout(), type(n.upper()).__name__, isinstance(n, str), len(n), n[0])
print(type(n + 'x').__name__, type(n * 2).__name__, type(n[1:]).__name__, type(str(n)).__name__, n == 'alice')
print(hash(n) == hash('alice'), {n: 1}['alice'], 'ali' in n, n.startswith('al'), '{}|{:>7}'.format(n, n))
print(f'{n}', f'{n!r}', format(n), type(format(n)).__name__, '%s' % n, ''.join([n, n]), n.split('i'))
class Upper(str):
    def __new__(cls, value):
        return super().__new__(cls, value.upper())
u = Upper('shout')
print(u, type(u).__name__, u.lower(), Upper('x') + Upper('y'))
class Tagged(str):
    def __str__(self):
        return '<' + self + '>'
    def __repr__(self):
        return 'Tagged(' + str.__repr__(self) + ')'
t = Tagged('t')
print(t, str(t), repr(t), [t], '%s %r' % (t, t), f'{t}', f'{t!s}', format(t), '{}'.format(t))
print(str(b'abc', 'ascii'), Name(b'xyz', 'ascii'), Name(), Name(42), type(Name(42)).__name__)
class Word(str):
    pass
print(sorted([Word('b'), Word('a'), 'c']), Word('abc').replace('b', 'B'), Word('a,b').split(','))
