# await in a plain function.
def f():
    await g()
