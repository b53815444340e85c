# Generator expressions: laziness, scoping, the eagerly evaluated first iterable, names.
ge = (x * x for x in range(4))
print(type(ge).__name__, ge.__name__, ge.__qualname__)
print(list(ge), list(ge))


def outer():
    return (y for y in [1])


print(outer().__qualname__)
print(sum(x for x in range(10)), max(x % 7 for x in range(100)))

# The first iterable is evaluated when the expression is, the rest lazily.
try:
    (x for x in 1)
except TypeError as e:
    print('TypeError', e)
lazy = (x for x in [1] for y in 1)
print('created')
try:
    next(lazy)
except TypeError as e:
    print('TypeError', e)

# Free variables are looked up when the generator runs.
x = 10
ge = (x + i for i in range(3))
x = 20
print(list(ge))
print(list((i, j) for i in range(3) for j in range(i, 3) if (i + j) % 2 == 0))


# In a class body only the first iterable sees class names.
class K:
    vals = [1, 2]
    doubled = list(v * 2 for v in vals)


print(K.doubled)

# Side effects happen one item at a time.
def noisy(n):
    for i in range(n):
        print('produce', i)
        yield i


for v in (i * 10 for i in noisy(3)):
    print('consume', v)

# A generator expression is a generator: send and throw work.
g = (i for i in range(5))
print(next(g), g.send(None))
try:
    g.throw(ValueError('into genexp'))
except ValueError as e:
    print('ValueError', e)
print(list(g))
print(g.gi_frame, g.gi_running)
