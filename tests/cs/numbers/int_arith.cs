# int arithmetic: + - * / // % ** on small and big ints, signs, divmod, and the ZeroDivisionError messages.
vals = [0, 1, -1, 7, -7, 3, 2 ** 47 - 1, -(2 ** 47), 2 ** 47, 10 ** 20, -(10 ** 20) - 7]
for a in vals:
    row = []
    for b in vals:
        row.append(a + b)
        row.append(a - b)
        row.append(a * b)
        if b:
            row.append(a // b)
            row.append(a % b)
            row.append(divmod(a, b))
    print(a, row)
print(7 / 2, -7 / 2, 1 / 3, 10 ** 30 / 10 ** 29, (10 ** 400 + 1) / 10 ** 399, 0 / -5)
print(2 ** 10, 2 ** 100, (-3) ** 3, (-3) ** 4, 0 ** 0, 2 ** -1, 10 ** -2, (-2) ** -3)
print(pow(3, 200, 1000), pow(7, 123456789, 13), pow(2, 10 ** 18, 10 ** 9 + 7), pow(3, -1, 7), pow(-2, 3, -5))
print(-7 // 2, -7 % 2, 7 // -2, 7 % -2, -(7 // 2), (-7) // -2)
x = 5
x += 3
x *= 2
x //= 3
x -= 10
x **= 2
print(x)
for expr in ['1 // 0', '1 % 0', '1 / 0', 'divmod(1, 0)', '0 ** -1', 'pow(2, 3, 0)', 'pow(2, -1, 4)', '10 ** 400 / 3',
             '(10 ** 400) * 1.0']:
    try:
        eval_result = {'1 // 0': lambda: 1 // 0, '1 % 0': lambda: 1 % 0, '1 / 0': lambda: 1 / 0,
                       'divmod(1, 0)': lambda: divmod(1, 0), '0 ** -1': lambda: 0 ** -1,
                       'pow(2, 3, 0)': lambda: pow(2, 3, 0), 'pow(2, -1, 4)': lambda: pow(2, -1, 4),
                       '10 ** 400 / 3': lambda: 10 ** 400 / 3, '(10 ** 400) * 1.0': lambda: (10 ** 400) * 1.0}[expr]()
        print(expr, eval_result)
    except (ZeroDivisionError, ValueError, OverflowError) as e:
        print(expr, type(e).__name__, e)
