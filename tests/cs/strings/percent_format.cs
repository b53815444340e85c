# printf-style % formatting: conversions, flags, width/precision, *, mapping keys, errors.
print('%s is %d years old' % ('Ann', 30))
print('%5d|%-5d|%05d|%+d|% d|%+05d|% -5d|' % (42, 42, 42, 42, 42, -42, 7))
print('%.2f|%8.3f|%-8.1f|%e|%.3E|%010.3f|%+.1f' % (3.14159, 2.71828, 1.5, 12345.678, 0.000123, -3.14159, 2.25))
print('%x %X %o %#x %#X %#o %#o %c %c' % (255, 255, 8, 255, 255, 8, -8, 65, 'é'))
print('%#10x|%#010x|%-#10x|%+.3d|%-+6d|% 05d|%#5x|%-#8o|' % (255, 255, 255, 5, 5, -5, 10, 8))
print('%s %r %a %s' % ('text', 'text', 'café', 'café'))
print('%g %g %g %g %G %#g %.0e %e' % (0.0001, 0.00001, 123456, 1234567, 1e-10, 1.0, 12345, 0))
print('%f %F %e %g|%05f|%+f' % (float('inf'), float('nan'), float('-inf'), float('inf'), float('inf'), float('nan')))
print('%%d literal percent: %d%%' % 50)
print('%(name)s has %(count)03d items, %(name)r' % {'name': 'cart', 'count': 7})
print('%s' % [1, 2], '%s' % (None,), '%d' % 3.99, '%i' % -2, '%u' % -3, '%d' % True, '%x' % True)
print('%10s|%-10s|%.3s|%5.1s|%.3s|' % ('right', 'left', 'truncate', 'xyz', 'héllo'))
print('%*d|%-*d|%.*f|%*s|' % (6, 1, 6, 2, 2, 3.14159, -4, 'a'))
print('single %s' % 'value', 'tuple %s' % ((1, 2),), 'abc' % [], 'abc' % (), 'abc' % {'a': 1})
print('%s %(a)s' % {'a': 1}, '%d' % 2**70, '%x' % -2**70, '%c' % 0x1F600)
for bad in [lambda: '%d %d' % (1,), lambda: '%d' % 'x', lambda: '%s' % (1, 2), lambda: '%x' % 1.5,
            lambda: '%x' % 'a', lambda: '%f' % 'a', lambda: '%(a)s %s' % {'a': 1}, lambda: '%(a' % {'a': 1},
            lambda: '%(a)s' % 5, lambda: '%' % (), lambda: '%z' % 1, lambda: '%é' % 1, lambda: '%*d' % ('a', 1),
            lambda: '%c' % 'ab', lambda: '%c' % 1.5, lambda: '%c' % 0x110000, lambda: '%s' % (),
            lambda: 'abc' % 5, lambda: '%s %s' % [1, 2], lambda: '%5%' % (), lambda: '%(x)*d' % {'x': 1}]:
    try:
        print(bad())
    except (TypeError, ValueError, OverflowError, KeyError) as e:
        print(type(e).__name__ + ':', e)
rows = [('widget', 3, 2.5), ('gadget', 12, 10.0)]
for name, qty, price in rows:
    print('%-8s x%3d @ %6.2f = %7.2f' % (name, qty, price, qty * price))
class Num:
    def __index__(self):
        return 42
print('%d %x %o' % (Num(), Num(), Num()))
