# Closures: cells for captured locals and arguments, nonlocal, free variables through nested scopes.
def counter(start):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

c = counter(10)
print(c(), c(5), c())

def arg_cell(x):
    def get():
        return x
    x += 1
    return get

print(arg_cell(1)())

def outer():
    a = 1
    def middle():
        def inner():
            return a + 1
        return inner
    a = 41
    return middle()()

print(outer())

fs = []
for i in range(3):
    fs.append(lambda: i)
print([f() for f in fs])
fs = [lambda i=i: i * 10 for i in range(3)]
print([f() for f in fs])

def make_adders():
    return [lambda x, n=n: x + n for n in range(3)]
print([a(100) for a in make_adders()])

def shadow():
    x = 'local'
    def g():
        x = 'inner'
        return x
    return g(), x
print(shadow())

g = 'global'
def read_global():
    return g
def write_global():
    global g
    g = 'changed'
read_global()
write_global()
print(g, read_global())

def deleted_cell():
    v = 1
    def get():
        return v
    del v
    try:
        get()
    except NameError as e:
        print(type(e).__name__, e)
deleted_cell()

def unbound_local():
    try:
        print(y)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    y = 2
unbound_local()

class Holder:
    value = 'class attr'
    def method(self):
        return value if False else Holder.value
print(Holder().method())

def class_in_function():
    secret = 7
    class K:
        attr = secret
        def get(self):
            return secret * 2
    return K
K = class_in_function()
print(K.attr, K().get())

def class_sees_own_then_free():
    x = 'outer'
    class C:
        x = 'class'
        y = x
        def m(self):
            return x
    return C
C = class_sees_own_then_free()
print(C.y, C().m())
