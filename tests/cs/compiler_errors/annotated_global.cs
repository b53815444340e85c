# an annotated name declared global.
def f():
    x: int
    global x
