# Classes: inheritance, super(), properties, dunder methods and sorting.
import math


class Shape:
    def __init__(self, name):
        self.name = name

    def area(self):
        raise NotImplementedError

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r}, area={self.area():.2f})"

    def __lt__(self, other):
        return self.area() < other.area()


class Circle(Shape):
    def __init__(self, radius):
        super().__init__("circle")
        self.radius = radius

    def area(self):
        return math.pi * self.radius ** 2


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h

    @property
    def square(self):
        return self.w == self.h

    def area(self):
        return self.w * self.h


shapes = [Circle(1), Rect(2, 3), Rect(2, 2), Circle(0.5)]
for s in sorted(shapes):
    print(s)
print([s.square for s in shapes if isinstance(s, Rect)])
