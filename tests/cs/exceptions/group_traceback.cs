# The report of an uncaught exception group, captured from a forked child's
# stderr: nested boxes, margins, tracebacks and chains inside boxes, notes,
# and the width (15) and depth (10) limits. The script's path is shown as FILE.
import os
import sys

HERE = os.path.abspath(__file__)


def report(exc):
    sys.stdout.flush()
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        os.dup2(w, 2)
        raise exc
    os.close(w)
    data = b""
    while True:
        chunk = os.read(r, 65536)
        if not chunk:
            break
        data += chunk
    os.close(r)
    _, status = os.waitpid(pid, 0)
    print(data.decode().replace(HERE, "FILE"), end="")
    print("=== exit status", os.WEXITSTATUS(status))


def fail(exc):
    raise exc


def caught(exc):
    try:
        fail(exc)
    except BaseException as e:
        return e


def recurse(n):
    if n == 0:
        raise RecursionError("deep")
    recurse(n - 1)


def chained():
    try:
        fail(KeyError("inner"))
    except KeyError as e:
        raise TypeError("outer") from e


def contexted():
    try:
        fail(IndexError("first"))
    except IndexError:
        raise OSError("second")


def caught_call(f):
    try:
        f()
    except BaseException as e:
        return e


# Leaves without tracebacks.
report(ExceptionGroup("simple", [ValueError(1), TypeError("two")]))

# Leaves with tracebacks, a chained leaf, and a nested group.
nested = ExceptionGroup("nested", [caught(ValueError("v")), caught_call(chained)])
report(ExceptionGroup("outer", [nested, KeyError("k"), caught_call(contexted)]))

# A raised nested group keeps its traceback; a repeated frame is collapsed.
def recurse8():
    recurse(8)


sub = caught(ExceptionGroup("sub", [ValueError(0)]))
report(BaseExceptionGroup("raised", [sub, caught_call(recurse8), caught(KeyboardInterrupt())]))

# Groups chained to groups, at the top and inside a box.
first = caught(ExceptionGroup("first", [ValueError("a")]))
second = ExceptionGroup("second", [KeyError("b")])
second.__cause__ = first
report(second)
last = TypeError("last")
last.__context__ = ExceptionGroup("ctxgrp", [IndexError(3)])
report(ExceptionGroup("close", [KeyError("x"), last]))

# A plain exception whose context is a group.
plain = RuntimeError("plain")
plain.__context__ = BaseExceptionGroup("context", [ValueError(), BaseExceptionGroup("b", [SystemExit(2)])])
report(plain)

# Width and depth limits.
report(ExceptionGroup("wide", [ValueError(i) for i in range(17)]))
report(ExceptionGroup("sixteen", [ValueError(i) for i in range(16)]))
deep = ValueError("bottom")
for i in range(12):
    deep = ExceptionGroup(f"level {i}", [deep])
report(deep)

# Notes on the group and on leaves, multi-line messages, odd __notes__.
class Note:
    def __str__(self):
        return "object\nnote"


v = ValueError("noted")
v.add_note("leaf note")
v.__notes__.extend([Note(), "", "ends in newline\n", "a\n\nb"])
k = KeyError("odd notes")
k.__notes__ = 42
t = TypeError("multi\nline message")
g = ExceptionGroup("with notes", [v, k, t])
g.add_note("group note")
g.add_note("two\nlines")
report(g)
t2 = TypeError("plain notes")
t2.__notes__ = ("tuple", "of notes")
report(t2)

# A context cycle prints each exception once.
a = ValueError("a")
b = TypeError("b")
a.__context__ = b
b.__context__ = a
report(ExceptionGroup("cycle", [a, b]))

# The parts of a split keep the traceback; the context is suppressed.
try:
    try:
        fail(KeyError("ctx"))
    except KeyError:
        fail(ExceptionGroup("split me", [ValueError(1), TypeError(2)]))
except ExceptionGroup as e:
    whole = e
    match, rest = e.split(ValueError)
report(match)
report(rest)
report(whole)

# User subclasses print their own name.
class MyGroup(ExceptionGroup):
    pass


report(MyGroup("mine", [ValueError()]))
