# async with in a plain function.
def f():
    async with x:
        pass
