# a failing __lt__ or key function leaves the list a permutation of its items, as CPython
class X:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        global calls
        calls += 1
        if calls == limit:
            raise ValueError('boom')
        return self.v < o.v
    def __repr__(self): return str(self.v)
for limit in [1, 5, 50, 300, 1000, 2000]:
    calls = 0
    data = [X((i * 7919) % 500) for i in range(500)]
    try:
        data.sort()
        print('sorted', limit)
    except ValueError as e:
        print('ValueError', e, sorted(x.v for x in data) == sorted((i * 7919) % 500 for i in range(500)), len(data))
def k(x):
    if x == 3:
        raise KeyError(x)
    return -x
l = [1, 2, 3, 4]
try:
    l.sort(key=k)
except KeyError as e:
    print('KeyError', e, l)
l = [5, 1, 4]
try:
    l.sort(key=k, reverse=True)
except KeyError as e:
    print('KeyError', e, l)
print(l)
