# Constant folding keeps types and values distinct and never changes what an expression computes.
print(0, 0.0, -0.0, False, -0, +0.0)
print(repr(-0.0), 1 / -0.0 if False else 'skip', (0.0, -0.0))
print(2 ** 100, -2 ** 2, (-2) ** 2, 2 ** -1, 10 // 3, -7 // 2, -7 % 3)
print(1 << 200, 1 << 3, ~5, -(-5), not 0, not 'x')
print('ab' * 3, 'x' + 'y', b'a' * 2, (1, 2) + (3,), (1,) * 3)
print(len('q' * 5000), len((0,) * 300))
print(0.1 + 0.2, 1e308 * 10, 3 / 2, 7.5 // 2)
try:
    print(1 / 0)
except ZeroDivisionError as e:
    print('runtime error kept:', e)
try:
    print(1 << -1)
except ValueError as e:
    print('runtime error kept:', e)
try:
    print('%d' % 'x')
except TypeError as e:
    print('runtime error kept:', e)
t = (1, 'two', 3.0, None, True, (4, 5))
print(t, type(t[1]).__name__)
print(1 == 1.0, True == 1, (1, 2) == (1.0, 2.0))
a = 0
b = 0.0
c = False
print(type(a).__name__, type(b).__name__, type(c).__name__)
d = {0: 'int', 0.0: 'float', False: 'bool'}
print(d)
print(__debug__, 12345678901234567890 * 10, 0x10, 0o17, 0b101, 1_000)
big = 99999999999999999999999999999999999
print(big - big + 1, -big)
print(...)
