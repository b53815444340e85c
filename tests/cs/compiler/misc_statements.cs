# assert, del, while/else, if/elif chains, global/nonlocal at several levels, pass, import forms.
import os.path
import os.path as osp
from os import path as p2, sep
print(os.path is osp, osp is p2, sep)

def check(n):
    assert n > 0, 'n must be positive'
    assert n
    return n
print(check(3))
try:
    check(-1)
except AssertionError as e:
    print('AssertionError', e)
try:
    assert False
except AssertionError as e:
    print('bare assert', repr(e), e.args)

x = [1, 2, 3, 4]
del x[0], x[-1]
print(x)
class O:
    pass
o = O()
o.a = 1
del o.a
print(hasattr(o, 'a'))
y = 5
del y
try:
    y
except NameError as e:
    print(e)

i = 0
while i < 3:
    i += 1
else:
    print('while else', i)
while True:
    break
else:
    print('not printed')

def grade(n):
    if n > 90:
        return 'A'
    elif n > 80:
        return 'B'
    elif n > 70:
        return 'C'
    else:
        return 'F'
print([grade(n) for n in (95, 85, 75, 5)])

counter = 0
def bump():
    global counter
    counter += 1
bump(); bump()
print(counter)

def outer():
    v = 0
    def mid():
        def inner():
            nonlocal v
            v += 10
        inner()
    mid()
    return v
print(outer())

if x and (y := 3) or None:
    print('walrus in condition', y)
if not (1 < 2 < 3) or (4 > 5 > 6):
    print('no')
else:
    print('chained in if')
k = None
print('is none' if k is None else 'not', 'not none' if k is not None else 'none')
v = 0
while (v := v + 1) < 3:
    pass
print(v)
print([n for n in range(10) if n % 2 if n > 3])
print(1 if 0 else 2 if 0 else 3)
print(0 or '' or [] or 'last', 1 and 2 and 3, 1 and 0 and 3)
