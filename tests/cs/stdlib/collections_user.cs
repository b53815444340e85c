# collections.UserDict/UserList/UserString (loaded lazily) and ChainMap lookups, writes and reprs.
import collections
from collections import UserDict, UserList, UserString, ChainMap


class LowerDict(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)


d = LowerDict(A=1)
d['B'] = 2
print(d, len(d), 'a' in d, d.get('z', 0), sorted(d.keys()), isinstance(d, UserDict), d.data)
print(UserDict(x=1) == {'x': 1}, UserDict(x=1) | {'y': 2})
lst = UserList([3, 1, 2])
lst.sort()
lst.append(4)
print(lst, lst + [5], [0] + lst, lst[1:3], type(lst[1:3]).__name__, len(lst), 2 in lst, lst * 2)
s = UserString('Hello')
print(s.upper(), s + '!', s[1:3], len(s), 'ell' in s, s == 'Hello', repr(s), s.startswith('He'))
try:
    collections.Nope
except AttributeError as e:
    print('AttributeError', e)
cm = ChainMap({'a': 1}, {'b': 2, 'a': 0})
print(cm, cm['a'], cm['b'], len(cm), sorted(cm), cm.get('z'), 'b' in cm)
child = cm.new_child({'c': 3})
child['a'] = 10
print(child, child.parents, cm.maps[0], dict(child), sorted(child.items()))
try:
    cm['missing']
except KeyError as e:
    print('KeyError', e)
try:
    del cm['b']
except KeyError as e:
    print('KeyError', e)
print(ChainMap(), ChainMap({'x': 1}) == {'x': 1}, cm.pop('a'), cm)
