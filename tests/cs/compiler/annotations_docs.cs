# Docstrings and annotations of modules, classes and functions; local annotations are not evaluated.
"""Module docstring."""
x: int = 5
y: 'forward'
print(__doc__)
print(__annotations__)

def f(a: int, b: str = 'b', *args: float, c: bool, **kw: dict) -> list:
    """Function doc."""
    local: undefined_name_never_evaluated = 1
    return local
print(f.__doc__)
print(f.__annotations__)
print(f(1, c=True))

def g(p, /, q: 'Q'):
    pass
print(g.__annotations__, g.__doc__)

class C:
    attr: int
    other: str = 'value'
    def m(self) -> None:
        'm doc'
print(C.__annotations__, C.__doc__, C.m.__doc__, C.m.__annotations__)

class D:
    'D doc'
    if True:
        nested: float = 1.0
print(D.__doc__, D.__annotations__)

def no_doc():
    x = 'not a docstring'
    return x
print(no_doc.__doc__)

def fstring_not_doc():
    f'{1}'
print(fstring_not_doc.__doc__)

lam = lambda: 'lambda'
print(lam.__doc__)
