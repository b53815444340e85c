# float arithmetic: mixed int/float, / // % divmod signs and zero-division messages, inf/nan rules, ** special cases.
vals = [0.0, -0.0, 1.5, -1.5, 7.0, -7.5, 2.5, 1e300, 5e-324, 3, -2]
for a in vals:
    row = []
    for b in vals:
        row.append(a + b)
        row.append(a - b)
        row.append(a * b)
        if b:
            row.append(a / b)
            row.append(a // b)
            row.append(a % b)
            row.append(divmod(a, b))
    print(a, row)
inf = float('inf')
nan = float('nan')
print(inf + 1, inf - inf, inf * 0, -inf * -1, 1 / inf, -1 / inf, inf // 1, inf % 2, 5 % inf, -5 % inf, 5 // inf, -5 // inf)
print(nan + 1, nan * 0, nan == nan, nan != nan, nan < 1, nan >= nan, [nan] == [nan], nan is nan)
print(2.0 ** 10, 2 ** 0.5, 2.0 ** -1, (-8.0) ** 3, (-2.0) ** -1, 0.0 ** 0, (-0.0) ** 3, (-0.0) ** 2, 1.0 ** inf, inf ** 0)
print((-1.0) ** inf, 0.5 ** inf, 2.0 ** -inf, inf ** -1, (-inf) ** 3, (-inf) ** 2, (-inf) ** -3, nan ** 0, 1 ** nan, 2 ** nan)
print(10 ** -1, 10.0 ** 308, 1e308 * 10, -1e308 * 10, 1e-308 / 1e10, 0.1 + 0.2, 0.1 * 3, 1 - 0.9, 4.35 * 100)
print(-(0.0), abs(-0.0), +(-0.0), 0.0 * -1, -0.0 + 0.0, -0.0 - 0.0, 7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7 % -2.5)
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7, 0.5), divmod(-0.0, 5), divmod(1e300, 1e-300)[1], (2 ** 53 + 1) + 0.0)
x = 1.5
x += 1
x *= 3
x /= 2
x -= 0.25
x **= 2
x //= 1.5
x %= 7
print(x)
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)
show(lambda: 1.0 / 0)
show(lambda: 1 / 0.0)
show(lambda: 1.0 // 0.0)
show(lambda: 1.0 % 0)
show(lambda: divmod(1.0, 0))
show(lambda: 0.0 ** -1)
show(lambda: 0 ** -1.5)
show(lambda: 1e308 ** 2)
show(lambda: 10.0 ** 400)
show(lambda: 2.0 ** 10000)
show(lambda: 1.5 + 'a')
show(lambda: 'a' * 1.5)
show(lambda: -'a')
show(lambda: 2 ** 1024 + 1.0)
