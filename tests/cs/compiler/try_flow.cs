# try/except/else/finally control flow: return, break and continue through finally blocks.
def f1():
    try:
        return 'try'
    finally:
        print('finally runs')

def f2():
    try:
        return 'try'
    finally:
        return 'finally wins'

def f3():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print('body', i)
        finally:
            print('cleanup', i)
    else:
        print('no else after break')
    return i

def f4():
    try:
        raise ValueError('boom')
    except ValueError as e:
        return 'caught ' + str(e)
    finally:
        print('f4 finally')

def f5():
    try:
        pass
    except Exception:
        print('never')
    else:
        print('else branch')
    finally:
        print('f5 finally')

def f6():
    try:
        try:
            raise KeyError('k')
        finally:
            print('inner finally')
    except KeyError as e:
        print('outer caught', repr(e))

def f7():
    e = 'before'
    try:
        raise TypeError('t')
    except TypeError as e:
        pass
    try:
        print(e)
    except NameError as err:
        print('e was deleted:', err)

def f8():
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            raise ValueError('from handler')
    except ValueError as e:
        print(type(e.__context__).__name__, e.__suppress_context__)

def f9():
    try:
        try:
            1 / 0
        except ZeroDivisionError as z:
            raise ValueError('explicit') from z
    except ValueError as e:
        print(type(e.__cause__).__name__, e.__suppress_context__)

def f10():
    for i in range(3):
        try:
            try:
                if i == 1:
                    return 'returned at 1'
            finally:
                print('inner', i)
        finally:
            print('outer', i)

def f11():
    try:
        raise OSError('x')
    except (KeyError, OSError) as e:
        print('tuple match', type(e).__name__)
    try:
        raise IndexError
    except:
        print('bare except')

def f12():
    while True:
        try:
            break
        finally:
            print('break through finally')
    print('after loop')

def f13():
    import sys
    try:
        raise RuntimeError('outer')
    except RuntimeError:
        try:
            raise KeyError('inner')
        except KeyError:
            pass
        print('restored:', sys.exc_info()[1])
    print('after:', sys.exc_info()[1])

def f14(n):
    try:
        if n:
            raise ValueError(n)
        return 'ok'
    except ValueError:
        return 'value error'
    finally:
        print('f14 finally', n)

print(f1())
print(f2())
print(f3())
print(f4())
f5()
f6()
f7()
f8()
f9()
print(f10())
f11()
f12()
f13()
print(f14(0), f14(1))

def gen_finally():
    try:
        yield 1
        yield 2
    finally:
        print('gen cleanup')
g = gen_finally()
for v in g:
    print('got', v)
    break
g.close()
