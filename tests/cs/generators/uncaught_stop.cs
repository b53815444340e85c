# An uncaught StopIteration inside a generator ends the program as RuntimeError.
def gen():
    yield 1
    raise StopIteration


for x in gen():
    print(x)
