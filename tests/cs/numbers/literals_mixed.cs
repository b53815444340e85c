# Number literals (huge, tiny, underscores, prefixes), int/float subclass classmethods, unbound dunders, %-format and str.format of numbers.
print(1e400, -1e400, 1_0.0_1, .5e-3, 0e0, 00.5, 1E+5, 0x_ff, 0B1010, 0O777, 1_000_000, 123456789012345678901234567890, 0.000_1)
print(1e-400, 4.9e-324, 2.4703282292062327e-324, 2.4703282292062328e-324, 9007199254740993, 9007199254740993.0)
class MyInt(int):
    pass
class MyFloat(float):
    pass
x = MyInt.from_bytes(b'\x01\x00', 'big')
y = MyFloat.fromhex('0x1.8p1')
print(x, type(x).__name__, y, type(y).__name__, MyInt(5) + MyInt(6), type(MyInt(5) + MyInt(6)).__name__)
print(int.__add__(3, 4), float.__mul__(2.0, 3), int.__new__(MyInt, 7), type(int.__new__(MyInt, 7)).__name__, float.__new__(MyFloat, '2.5'))
print(divmod(7, 2.5), divmod(-7, 2), pow(2, 0.5), pow(-8, 1/3) if False else 0, abs(-3.5), abs(-(2**100)), round(2.5), round(-3.5))
print(int.__floor__(5), float.__trunc__(-2.5), (5).__pow__(2, 7) if hasattr(int, '__pow__') else 0, pow(5, 2, 7))
print(sum([0.1] * 10), sum([1, 2.5, 3]), sum(range(100), 0.5), min(3, 2.5, 2), max([1, 2 ** 70, 3.5]))
print(sorted([3, 1.5, True, -2, 2 ** 64, -0.0]), 10 ** 20 // 3.0, 2 ** 64 % 10.0, -7 // 2.0)
print(str(1.0), str(10 ** 16 * 1.0), repr(1e-4), f'{1e21}', f'{1e21!r}', '%s %r %d %i %x %o %e %g %f %.2f %5.1f' % (1.5, 2.5, 3.9, -4, 255, 8, 12345.678, 0.0001, 1, 2.345, 9.87))
print('%c %c %5d|%-5d|%05d|%+d|% d|%#x|%#o|%X' % (65, 'z', 42, 42, 42, 42, 42, 255, 8, 255))
print('{:08.3f}|{:,d}|{:>+10.2e}|{!r:>6}|{:^9}'.format(3.14159, 10 ** 9, 12345.6789, 2.5, 7))
