# int <-> str conversion limit of CPython 3.11 (4300 digits) for str(), int() and the powers-of-two exemption.
big = 10 ** 4299
print(len(str(big)), len(str(-big)), len(str(10 ** 4300 - 1)))
for f in [lambda: str(10 ** 4300), lambda: str(-10 ** 5000), lambda: int('1' * 4301), lambda: repr(7 ** 6000), lambda: f'{10 ** 4400}']:
    try:
        f()
    except ValueError as e:
        print('ValueError:', e)
print(len(hex(10 ** 5000)), int('f' * 5000, 16) % 1000, int('1' * 4300) % 97, (10 ** 5000) % 7, len(bin(3 ** 10000)))
print(len('%x' % (10 ** 5000)), len(format(10 ** 5000, 'b')), len(format(2 ** 14000, 'o')))
import sys
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(0)
print(len(str(10 ** 5000)), int('7' * 6000) % 1000)
sys.set_int_max_str_digits(5000)
print(len(str(10 ** 4999)))
for bad in [100, -1, 639]:
    try:
        sys.set_int_max_str_digits(bad)
    except ValueError as e:
        print('ValueError:', e)
sys.set_int_max_str_digits(4300)
try:
    str(10 ** 4300)
except ValueError as e:
    print('ValueError:', e)
