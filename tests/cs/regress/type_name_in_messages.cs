# Regression: error messages named a class by its __qualname__
# ("'f.<locals>.X' object does not support the asynchronous context manager
# protocol") where CPython uses the type's name ('X'). obj_type_name now
# gives a class's __name__.
def f():
    class X:
        async def __aenter__(self):
            pass

    async def use():
        async with X():
            pass

    try:
        use().send(None)
    except TypeError as e:
        print(e)
    try:
        len(X())
    except TypeError as e:
        print(e)


f()
