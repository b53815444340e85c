# duplicate parameter names.
def f(a, b, a):
    pass
