# break, continue and return leaving nested try/finally, with and except blocks.
def a():
    for i in range(3):
        try:
            return 'ret' + str(i)
        finally:
            break
    return 'after loop'
def b():
    for i in range(3):
        try:
            return i
        finally:
            if i < 2:
                continue
    return 'end'
def c():
    try:
        try:
            return 'inner'
        finally:
            print('f1')
    finally:
        print('f2')
def d():
    for i in range(2):
        with open('/dev/null') as fh:
            try:
                raise ValueError(i)
            except ValueError as e:
                if i == 0:
                    continue
                return str(e)
def e():
    x = 0
    while x < 5:
        x += 1
        try:
            if x == 2:
                continue
            if x == 4:
                break
        except:
            pass
        else:
            print('else', x)
        finally:
            print('fin', x)
    return x
def f():
    try:
        1/0
    except ZeroDivisionError:
        try:
            return 'in handler'
        finally:
            print('handler finally')
    finally:
        print('outer finally')
def g():
    for i in range(3):
        try:
            1/0
        except ZeroDivisionError as err:
            if i == 1:
                break
            continue
        finally:
            print('g fin', i)
    return i
print(a(), b(), c(), d(), e(), f(), g())
import sys
print(sys.exc_info())
