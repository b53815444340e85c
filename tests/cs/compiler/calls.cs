# Call forms: positional, keyword, *args, **kwargs in every mix, method calls, decorator application order.
def show(*args, **kwargs):
    return args, sorted(kwargs.items())

print(show())
print(show(1, 2, a=3))
print(show(*[1, 2], 3, *(4,)))
print(show(**{'x': 1}, y=2, **{'z': 3}))
print(show(1, *'ab', k=1, **{'m': 2}))
args = (1, 2)
print(show(*args))
try:
    show(**{'a': 1}, a=2)
except TypeError as e:
    print(e)
try:
    show(*5)
except TypeError as e:
    print(e)

def kwonly(a, b=2, *, c, d=4):
    return a, b, c, d
print(kwonly(1, c=3), kwonly(1, 5, d=6, c=7))

def posonly(a, b, /, c):
    return a + b + c
print(posonly(1, 2, c=3))

class K:
    def m(self, x, y=0):
        return x - y
k = K()
print(k.m(5), k.m(5, y=2), k.m(*[9, 4]), K.m(k, 1))
f = k.m
print(f(10))

def deco(tag):
    def wrap(fn):
        def inner(*a):
            return tag + '(' + fn(*a) + ')'
        return inner
    return wrap

order = []
def trace(name):
    order.append('eval ' + name)
    def d(fn):
        order.append('apply ' + name)
        return fn
    return d

@trace('outer')
@trace('inner')
@deco('D')
def decorated(s):
    return s
print(decorated('x'), order)

print(sum(range(100)), max([3, 1, 2], key=lambda v: -v))
print(show(*range(40))[0][-1], len(show(*range(40))[0]))
print(len(show(**{('k%d' % i): i for i in range(20)})[1]))
print(show(a0=0, a1=1, a2=2, a3=3, a4=4, a5=5, a6=6, a7=7, a8=8, a9=9, b0=0, b1=1, b2=2, b3=3, b4=4, b5=5)[1][-1])
big = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33]
print(len(big), big[-1])
bd = {'a': 1, 'b': 2, 'c': 3, 'd': 4, 'e': 5, 'f': 6, 'g': 7, 'h': 8, 'i': 9, 'j': 10, 'k': 11, 'l': 12, 'm': 13, 'n': 14, 'o': 15, 'p': 16, 'q': 17, 'r': 18}
print(len(bd), bd['r'])
print({**{'a': 1}, 'b': 2, **{'a': 3}})
print([*'ab', *range(2)], (*'xy',), {*'aa', 'b'} == {'a', 'b'})
