# Big ints: crossing the 48-bit boundary, huge powers and factorials, shifts and bitwise ops on negatives.
a = 2 ** 47 - 1
print(a, a + 1, a + 1 - 1, -a - 1, -a - 2, a * a, (a + 1) // 2, type(a + 1).__name__)
f = 1
for i in range(1, 60):
    f *= i
print(f, len(str(f)), f % 1000000007)
print(2 ** 200 - 1, (2 ** 200 - 1).bit_length(), 3 ** 100 // 7 ** 30, 3 ** 100 % 7 ** 30)
print(1 << 100, (1 << 100) >> 99, -1 >> 100, -(1 << 100) >> 3, 12345 >> 100, (-5) >> 1)
print(-1 & 0xFF, -256 | 15, -1 ^ 2 ** 70, ~(2 ** 70), ~-1, ~0, (2 ** 70) & (2 ** 70 - 1), (-2 ** 70) & 2 ** 71 - 1)
print(-(2 ** 64) | 1, (2 ** 64 + 5) ^ -(2 ** 64), 0x123456789ABCDEF0123 & -0x1000)
x = 1
for i in range(200):
    x = x * 3 + 1
print(x)
print(abs(-2 ** 100), -(-2 ** 100), +(2 ** 100), abs(-5), -(-(2 ** 47)))
big = 10 ** 50
print(big == 10 ** 50, big != big + 1, big < big + 1, -big < 5, hash(big) == hash(10 ** 50))
print(sum(range(10 ** 6)), sum([2 ** 62] * 4), max(2 ** 100, 2 ** 99), min(-2 ** 100, 0))
for bad in [lambda: 1 << -1, lambda: 1 >> -1, lambda: 1 << (1 << 70)]:
    try:
        bad()
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(0 << (1 << 70), 5 >> (1 << 70), -5 >> (1 << 70))
