# all() and any(): short-circuiting over generators, empty iterables, truthiness of objects.
print(all([]), any([]), all([1, 'a', [0]]), any([0, '', None, 3]), all([1, 0]), any(''))
seen = []
def probe(values):
    for v in values:
        seen.append(v)
        yield v
print(any(probe([0, 0, 5, 0, 7])), seen)
seen.clear()
print(all(probe([1, 2, 0, 3])), seen)

class Falsy:
    def __bool__(self):
        return False
class Empty:
    def __len__(self):
        return 0
print(any([Falsy(), Empty()]), all([object()]), any(x > 2 for x in range(5)))
try:
    all(5)
except TypeError as e:
    print('TypeError:', e)
try:
    any()
except TypeError as e:
    print('TypeError:', e)
