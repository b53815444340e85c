# from __future__ import annotations keeps annotations as their source text.
from __future__ import annotations

def f(a: list[int], b: Undefined | None = None) -> dict[str, int]:
    pass
print(f.__annotations__)

class C:
    x: SomeType
    y: int = 3
print(C.__annotations__, C.y)
z: 'quoted'
print(__annotations__)
