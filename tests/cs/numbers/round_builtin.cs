# round(): banker's rounding of floats and ints, ndigits (positive, zero, negative, huge), result types, errors.
print([round(x) for x in (0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 2.4999, 2.5001, 1e20, -0.0, 1e300)])
print(round(3.14159, 2), round(3.14159, 0), round(1234.5, -1), round(1255, -1), round(1250, -2), round(2.675, 2))
print(round(-2.675, 2), round(0.125, 2), round(0.375, 2), round(2.5, 0), round(1234.5678, -2), round(-1234.5678, -3))
print(round(15, -1), round(25, -1), round(-25, -1), round(7, 2), round(7, 0), round(35, -1), round(45, -1), round(-35, -1))
print(round(5e-324, 323), round(5e-324, 400), round(1.6e308, -307), round(1e308, -308), round(123.456, -400), round(-123.456, -400))
print(round(0.1 + 0.2, 15), round(0.1 + 0.2, 16), round(0.1 + 0.2, 17), round(1.23456789e-10, 12), round(123456789.987654321, 4))
print(round(2 ** 100 + 5, -1), round(10 ** 30 + 5 * 10 ** 14, -15), round(12345678901234567890, -10), round(-5, -1), round(5, -1))
print(type(round(2.5)).__name__, type(round(2.5, 1)).__name__, type(round(7, 2)).__name__, type(round(2.5, None)).__name__, round(True), round(1.5, None))
print(round(float('inf'), 2), round(float('nan'), 2), round(-0.0, 1), round(0.5, 10 ** 20), round(7, -30))
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)
show(lambda: round(float('inf')))
show(lambda: round(float('nan')))
show(lambda: round(1.7976931348623157e308, -308))
show(lambda: round(1.5, 'a'))
show(lambda: round(5, 1.5))
