# comparing or printing 100000-deep nested containers raises RecursionError instead of overflowing the C stack
a = []
b = []
for i in range(100000):
    a = [a]
    b = [b]
try:
    print(a == b)
except RecursionError as e:
    print('RecursionError', e)
d1 = {}
d2 = {}
for i in range(100000):
    d1 = {0: d1}
    d2 = {0: d2}
try:
    print(d1 == d2)
except RecursionError as e:
    print('RecursionError', e)
try:
    repr(a)
except RecursionError as e:
    print('RecursionError')
shallow = [[[[1]]]]
print(shallow == [[[[1]]]], len(repr(a[0][0][0])) > 0 if False else 'ok')
