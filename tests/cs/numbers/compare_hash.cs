# Comparing ints with floats exactly (huge ints, 2**53 + 1, inf, nan) and the shared numeric hash.
pairs = [(1, 1.0), (2 ** 53 + 1, 2.0 ** 53), (2 ** 53, 2.0 ** 53), (10 ** 400, float('inf')), (-10 ** 400, float('-inf')),
         (10 ** 308 * 2, 1e308), (3, 3.5), (-3, -3.5), (0, -0.0), (5, float('nan')), (2 ** 1024, 1.7976931348623157e308),
         (True, 1.0), (False, 0.0), (-1, -1.0), (12345678901234567890, 1.2345678901234567e19)]
for a, b in pairs:
    print(a == b, a != b, a < b, a <= b, a > b, a >= b, b == a, b < a, b > a)
print(1 < 2.5 < 3, 3.0 == 3 == 3.0, 0.1 + 0.2 == 0.3, 1e16 + 1 == 1e16, 2 ** 63 == 2.0 ** 63, 2 ** 63 + 1 > 2.0 ** 63)
for v in [0, 1, -1, -2, 2 ** 61 - 1, 2 ** 61, -(2 ** 61), 2 ** 64, 10 ** 30, -10 ** 30, 0.5, -0.5, 0.1, 1.5, 1e300, 1e-300,
          5e-324, float('inf'), float('-inf'), 2.0 ** 80, -2.0 ** 80, True, False, 1234.5678, 2 ** 47, -(2 ** 47) - 1]:
    print(repr(v), hash(v))
print(hash(1) == hash(1.0) == hash(True), hash(2 ** 100) == hash(2.0 ** 100), hash(-1) == hash(-1.0) == -2)
d = {}
d[1] = 'int'
d[1.0] = 'float'
d[True] = 'bool'
d[2 ** 70] = 'big'
d[2.0 ** 70] = 'bigfloat'
d[0.5] = 'half'
print(d, len(d), d[1], d.get(2 ** 70 + 0.0), 0.5 in d, 2 in d)
print(sorted({3, 1.5, -2, 2 ** 60, 0.0, True}), sorted([2 ** 53 + 1, 2.0 ** 53, 2 ** 53 - 1]), max(1, 1.0), min(1.0, 1))
print(sorted([3, 1.0, 2.5, -1, 10 ** 20, -0.5]), {1, 1.0, True}, len({0, 0.0, False, -0.0}))
