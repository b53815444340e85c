# from __future__ import annotations stores annotations as strings spelled the way ast.unparse spells them.
from __future__ import annotations

def f(a: list[int], b: Undefined | None = None, c: "Quoted" = 1) -> dict[str,  int]:
    pass
print(f.__annotations__)

def g(x: (1 + 2) * 3, y: -x ** 2, z: Callable[[int], str], w: lambda q, *r, s=1: q) -> a if b else c:
    pass
print(g.__annotations__)

class C:
    x: SomeType
    y: int = 3
    z: tuple[int, ...]
print(C.__annotations__, C.y)
v: 'quoted'
print(__annotations__)
