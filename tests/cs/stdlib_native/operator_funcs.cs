# operator: operators as functions, itemgetter/attrgetter/methodcaller, and their errors.
import operator as op

print(op.add(2, 3), op.sub(2, 3), op.mul('ab', 2), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3),
      op.pow(2, 10), op.neg(5), op.pos(-5), op.abs(-3.5), op.invert(5), op.inv(0))
print(op.lshift(1, 5), op.rshift(64, 2), op.and_(12, 10), op.or_(12, 10), op.xor(12, 10))
print(op.lt(1, 2), op.le(2, 2), op.eq(1, 1.0), op.ne('a', 'b'), op.gt(1, 2), op.ge(3, 2))
print(op.not_(0), op.not_([1]), op.truth(''), op.truth(7), op.is_(None, None), op.is_not(1, None))
print(op.index(7), op.concat([1], [2]), op.concat('a', 'b'), op.contains([1, 2], 2), op.contains('abc', 'z'))
print(op.countOf([1, 2, 1, 1], 1), op.indexOf('abcb', 'b'), op.length_hint([1, 2, 3]),
      op.length_hint(iter(range(4))), op.length_hint(5), op.length_hint(5, 9))
print(op.__add__(1, 2), op.__lt__(1, 2), op.__not__(1), op.__and__(3, 1), op.__getitem__('abc', 1))
print(op.call(max, 3, 9, key=lambda v: -v))

d = {'a': 1}
op.setitem(d, 'b', 2)
print(op.getitem(d, 'b'), d)
op.delitem(d, 'a')
print(d)
l = [1]
print(op.iadd(l, [2]) is l, l, op.iadd(1, 2), op.imul([0], 3), op.iconcat([1], (2,)), op.ipow(2, 3))
print(op.isub(5, 1), op.itruediv(1, 4), op.ifloordiv(9, 2), op.imod(9, 4), op.ilshift(1, 3),
      op.irshift(8, 1), op.iand(6, 3), op.ior(6, 3), op.ixor(6, 3))

class V:
    def __init__(self, x):
        self.x = x
        self.inner = self if x == 0 else V(x - 1)
    def __add__(self, o):
        return 'V+'
    def scale(self, k, bias=0):
        return self.x * k + bias

g1 = op.itemgetter(1)
g3 = op.itemgetter(0, -1, 1)
print(g1([5, 6, 7]), g3('xyz'), op.itemgetter('k')({'k': 'v'}), op.itemgetter(slice(1, 3))('abcd'))
print(repr(g1), repr(g3), repr(op.itemgetter('a')))
a1 = op.attrgetter('x')
a2 = op.attrgetter('x', 'inner.x', 'inner.inner.x')
v = V(3)
print(a1(v), a2(v), repr(a2))
m = op.methodcaller('scale', 2, bias=1)
print(m(v), op.methodcaller('upper')('abc'), repr(m), repr(op.methodcaller('f')))
print(sorted([(1, 'b'), (0, 'c'), (2, 'a')], key=op.itemgetter(1)))
print(list(map(op.attrgetter('x'), [V(1), V(2)])), op.add(V(0), 1))
print(type(g1).__name__, type(a1).__name__, type(m).__name__)

def show(fn, *args, **kw):
    try:
        print(repr(fn(*args, **kw)))
    except Exception as e:
        print(type(e).__name__ + ':', e)

show(op.add, 1)
show(op.add, 1, 'a')
show(op.neg, 'a')
show(op.concat, 1, 2)
show(op.concat, [1], 2)
show(op.indexOf, [1], 2)
show(op.getitem, [1], 5)
show(op.itemgetter)
show(op.itemgetter, 1, x=2)
show(g1, [1, 2], 3)
show(g1, 5)
show(op.attrgetter, 1)
show(op.attrgetter)
show(a2, 5)
show(op.methodcaller)
show(op.methodcaller, 1)
show(op.methodcaller('nope'), 5)
show(op.index, 2.0)
show(op.length_hint, 5, 'x')
show(op.truediv, 1, 0)
