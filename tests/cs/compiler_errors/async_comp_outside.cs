# an async comprehension needs an async function.
def f():
    return [x async for x in y]
