# a parameter declared global.
def f(a):
    global a
