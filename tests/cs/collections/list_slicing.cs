# list indexing and slicing: negative indices, steps, slice assignment, del, extended-slice size check
l = list(range(10))
print(l[0], l[-1], l[-10], l[2:5], l[:3], l[7:], l[::2], l[1::3], l[::-1], l[8:2:-2], l[-3:-1])
print(l[100:], l[-100:2], l[5:2], l[::-3], l[2:100:4])
for bad in [10, -11]:
    try:
        l[bad]
    except IndexError as e:
        print('IndexError', e)
try:
    l[10] = 1
except IndexError as e:
    print('IndexError', e)
try:
    l['a']
except TypeError as e:
    print('TypeError', e)
try:
    l[1.5] = 3
except TypeError as e:
    print('TypeError', e)
m = l[:]
m[2:5] = ['a', 'b']
print(m)
m[1:1] = 'xyz'
print(m)
m[:] = range(3)
print(m)
m[5:] = [7, 8]
print(m)
m[::2] = [0, 0, 0]
print(m)
try:
    m[::2] = [1, 2]
except ValueError as e:
    print('ValueError', e)
try:
    m[1:2] = 5
except TypeError as e:
    print('TypeError', e)
try:
    m[::2] = 5
except TypeError as e:
    print('TypeError', e)
n = list(range(12))
del n[1:9:2]
print(n)
del n[::-3]
print(n)
del n[-1]
del n[:2]
print(n)
s = [1, 2, 3]
s[::-1] = s
print(s)
s[1:] = s
print(s)
t = list(range(6))
t[4:1:-1] = 'abc'
print(t)
t[::-2] = [10, 20, 30]
print(t)
print(t[True], t[False:True + 2])
