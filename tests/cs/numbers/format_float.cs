# format() and f-strings of floats: e f g % n and none, precision, grouping, zero padding, '#', 'z', inf and nan.
specs = ['', '.3', '.0', 'e', 'E', '.2e', 'f', 'F', '.2f', '.0f', '#.0f', 'g', 'G', '.3g', '#g', '#.3g', '%', '.1%', 'n',
         '10.2f', '<10.2f', '^10.2f', '010.2f', '+.2f', ' .2f', ',.2f', '_.3f', '012,.1f', '*>12.3e', '=+12.3', 'z.1f', '.17g', ',']
vals = [0.0, -0.0, 1.0, -1.5, 3.14159, 2.675, 0.125, 1234567.891, -0.00012345, 1e16, 1e-7, 123456789.0, 1e300, 5e-324,
        float('inf'), float('-inf'), float('nan'), 0.5, 2.5, 99.995]
for v in vals:
    print(repr(v), [format(v, s) for s in specs])
print(f'{3.14159:.3}|{0.000012345:g}|{1e16:}|{1.5:}|{0.25:%}|{1234.5:.2}|{2.0:.3}|{1e-5:.1}|{100.0:.2}|{12345.678:.7}')
print(f'{-0.0:z}|{-0.0001:z.2f}|{-1e-10:z.1e}|{float("-inf"):z.1f}|{-0.0:z}|{0.0:+}|{-1.0: }')
print('%.3f %e %g %r %s' % (2.5, 1e-7, 1e20, 0.1, 1.5), '{:.2f}|{:>8.3e}|{:,}'.format(3.14159, 12345.678, 1234567.5))
print(format(1.005, '.2f'), format(0.125, '.2f'), format(0.375, '.2f'), format(2.5, '.0f'), format(3.5, '.0f'), format(1e22, 'f'))
print(format(1e-300, '.320f')[-25:], format(2 ** -1074, '.1080f')[1070:], format(1 / 3, '.60f'))
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)
for s in ['abc', 'd', 'x', 'c', 's', ',,', '.', '#,_', 'q']:
    show(lambda: format(1.5, s))
show(lambda: (1.5).__format__(5))
