# random: a seed replays the same sequence; shuffle/sample/choice keep to the population; state round-trips.
import random

def draw(r):
    out = [r.random(), r.randint(1, 6), r.randrange(10, 100, 5), r.choice('abcdef'),
           r.getrandbits(70), r.uniform(2.0, 3.0), r.gauss(), r.normalvariate(5, 2),
           r.choices(range(5), k=3), r.sample(range(1000), 4)]
    l = list(range(10))
    r.shuffle(l)
    out.append(l)
    return out

random.seed(42)
a = draw(random)
random.seed(42)
b = draw(random)
print('module replay:', a == b)
for seed in [0, 1, -7, 2**100, 'text', b'bytes', bytearray(b'ba'), 3.25, None]:
    r1, r2 = random.Random(seed), random.Random(seed)
    print(repr(seed), draw(r1) == draw(r2) if seed is not None else draw(r1) != draw(r2))
print(random.Random(1).random() != random.Random(2).random())
print(random.Random('a').random() != random.Random('b').random(), random.Random(b'').random() != random.Random(b'\0').random())

r = random.Random(2024)
for _ in range(200):
    x = r.random()
    assert 0.0 <= x < 1.0
    assert 1 <= r.randint(1, 3) <= 3
    assert r.randrange(-5, 5, 3) in range(-5, 5, 3)
    assert r.randrange(7) in range(7)
    assert r.choice([10, 20, 30]) in (10, 20, 30)
    assert 2.0 <= r.uniform(2.0, 3.0) <= 3.0
    assert 0 <= r.getrandbits(5) < 32
    assert 1.0 <= r.triangular(1.0, 2.0) <= 2.0
    assert 0.0 <= r.betavariate(2, 3) <= 1.0
    assert r.expovariate(1.5) >= 0.0 and r.gammavariate(0.5, 2) >= 0 and r.gammavariate(3, 1) >= 0
    assert 0.0 <= r.vonmisesvariate(1.0, 4.0) < 6.2832
    assert r.paretovariate(3) >= 1.0 and r.weibullvariate(1, 2) >= 0 and r.lognormvariate(0, 1) > 0
print('ranges hold')
print(sorted(set(r.randint(1, 3) for _ in range(300))), sorted(set(r.randrange(0, 10, 5) for _ in range(100))))

items = list(range(50))
r.shuffle(items)
print(sorted(items) == list(range(50)), items != list(range(50)))
s = r.sample(range(100), 20)
print(len(s), len(set(s)), all(0 <= v < 100 for v in s))
print(sorted(r.sample('abcde', 5)), r.sample([], 0), len(r.sample(range(10**9), 5)))
print(sorted(set(r.sample(['x', 'y'], counts=[3, 2], k=5))))
print(set(r.choices('ab', weights=[0, 1], k=10)), set(r.choices('abc', cum_weights=[0, 0, 1], k=5)))
print(len(r.choices([1, 2, 3], k=0)), len(r.randbytes(9)), r.getrandbits(0), r.getrandbits(200) < 2**200)

state = r.getstate()
print(type(state).__name__, len(state), state[0], len(state[1]))
after = [r.random() for _ in range(5)]
r.setstate(state)
print('state replay:', after == [r.random() for _ in range(5)])
r2 = random.Random()
r2.setstate(state)
print('state transfer:', [r2.random() for _ in range(5)] == after)

random.seed(5)
g = random.getstate()
x = random.random()
random.setstate(g)
print(random.random() == x)

class Fixed(random.Random):
    def random(self):
        return 0.5
f = Fixed()
print(f.randrange(10), f.choice('abcd'), f.uniform(0, 10), f.randint(1, 3))

def show(fn, *args, **kw):
    try:
        fn(*args, **kw)
        print('no error')
    except Exception as e:
        print(type(e).__name__ + ':', e)

show(random.choice, [])
show(random.randrange, 0)
show(random.randrange, 5, 5)
show(random.randrange, 1, 10, 0)
show(random.randrange, 10, 1)
show(random.randrange, 5, step=2)
show(random.randint, 3, 1)
show(random.sample, {1, 2}, 1)
show(random.sample, [1, 2], 3)
show(random.sample, [1, 2], -1)
show(random.choices, 'ab', [1])
show(random.choices, 'ab', 3)
show(random.choices, 'ab', [0, 0])
show(random.choices, 'ab', [1, 1], cum_weights=[1, 2])
show(random.seed, [1])
show(random.getrandbits, -1)
show(random.gammavariate, 0, 1)
show(random.setstate, (9, (), None))
show(random.Random().setstate, (3, (1, 2), None))
