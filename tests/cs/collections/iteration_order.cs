# dict insertion order across deletes and re-inserts, and set iteration orders of ints that must match CPython
d = {}
for i in [5, 3, 9, 1]:
    d[i] = str(i)
del d[3]
d[3] = 'three'
d[5] = 'five'
print(d, list(d.items()))
for k in list(d):
    if k > 4:
        del d[k]
print(d)
s = set()
for i in [17, 1, 33, 9, 25, 2]:
    s.add(i)
print(s, list(s), sorted(s))
s.remove(1)
s.add(41)
print(s)
print(set(range(30)), set(range(30, 0, -1)), set([1 << 40, 3, 1 << 41]))
print({i: i * i for i in range(5)}, {i % 3 for i in range(10)}, dict.fromkeys(range(3), 'x'))
m = {}
for i in range(100):
    m[i] = i
for i in range(100):
    if i % 7:
        del m[i]
m['end'] = 0
print(m)
