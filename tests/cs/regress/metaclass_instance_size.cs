# Regression: classes made by a metaclass that subclasses type were allocated
# with the size of a plain type, but the metaclass's layout adds an instance
# __dict__ slot after it; the collector read past the object (found under
# CS_GC_STRESS=1 with ASan). Classes now get the metaclass's basicsize.
class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["tag"] = name.lower()
        return super().__new__(mcls, name, bases, ns)


made = []
for i in range(50):
    made.append(Meta(f"C{i}", (), {"n": i}))
print([c.tag for c in made[:3]], sum(c.n for c in made), type(made[0]).__name__)
