# locals(), globals() and vars() in module, function, closure and class scopes.
top = 1
print(sorted(k for k in globals() if not k.startswith('__')))
print(locals() is globals(), vars() is globals())

def outer(a, b=2, *args, **kw):
    c = a + b
    def inner():
        return a + c
    names = sorted(locals())
    return names, inner()
print(outer(1), outer(1, 2, 3, x=4))

def uses_cell(x):
    def get():
        return x
    x = x + 1
    return locals()['x'], get()
print(uses_cell(10))

class K:
    a = 1
    b = a + 1
    names = sorted(k for k in locals() if not k.startswith('__'))
print(K.names)

def unbound():
    result = sorted(locals())
    late = 5
    return result, late
print(unbound())
g = globals()
g['injected'] = 'yes'
print(injected)
try:
    locals(1)
except TypeError as e:
    print('TypeError:', e)
