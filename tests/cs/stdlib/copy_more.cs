# copy: shallow and deep copies of containers, instances, namedtuples, collections types, cycles and hooks.
import copy
from collections import namedtuple, deque, OrderedDict, Counter, defaultdict


class Pt:
    def __init__(self, x):
        self.x = x
        self.l = [x]

    def __repr__(self):
        return 'Pt(%r, %r)' % (self.x, self.l)


p = Pt(1)
q = copy.copy(p)
r = copy.deepcopy(p)
p.l.append(2)
print(p, q, r, q.l is p.l, r.l is p.l)
NT = namedtuple('NT', 'a b')
data = {'a': [1, {2, 3}, (4, [5])], 'nt': NT([1], 2), 'dq': deque([[1]], maxlen=3),
        'od': OrderedDict(a=[1]), 'c': Counter('aab'), 'dd': defaultdict(list, {'k': [1]})}
dc = copy.deepcopy(data)
print(dc == data, dc['a'][2][1] is not data['a'][2][1], dc['nt'].a is not data['nt'].a)
print(dc['dq'], dc['dd'], dc['od'], dc['c'], dc['nt'])
sc = copy.copy(data)
print(sc['a'] is data['a'], sc is not data)
l = [1]
l.append(l)
m = copy.deepcopy(l)
print(m[1] is m, m is not l)
t = (1, 'a', (2, 3))
print(copy.deepcopy(t) is t, copy.copy([1, 2]), copy.deepcopy({'k': {1: [2]}}))


class Cust:
    def __copy__(self):
        print('copy hook')
        return 'C'

    def __deepcopy__(self, memo):
        print('deepcopy hook')
        return 'D'


print(copy.copy(Cust()), copy.deepcopy([Cust()]))


class State:
    def __init__(self):
        self.v = 1

    def __getstate__(self):
        print('getstate')
        return {'v': self.v * 10}

    def __setstate__(self, st):
        print('setstate', st)
        self.__dict__.update(st)


s2 = copy.copy(State())
print(s2.v)
shared = [1]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp[0] is dp[1], dp[0] is not shared)
