# warnings filters (error, ignore, catch_warnings record) and timeit with callables; stdout only.
import warnings
import timeit

warnings.simplefilter('ignore')
warnings.warn('hidden')
warnings.simplefilter('error')
try:
    warnings.warn('err', RuntimeWarning)
except RuntimeWarning as e:
    print('caught', e)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    warnings.warn('rec', UserWarning)
    warnings.warn(DeprecationWarning('inst'))
    warnings.warn('twice')
    warnings.warn('twice')
    print(len(w), w[0].category, w[0].message, str(w[0].message), w[1].category.__name__)
try:
    warnings.warn('still error')
except UserWarning as e:
    print('caught again', e)
try:
    warnings.warn('x', 3)
except TypeError as e:
    print('TypeError', e)
with warnings.catch_warnings(record=True) as w:
    warnings.resetwarnings()
    warnings.filterwarnings('ignore', message='skip')
    warnings.warn('skip me')
    warnings.warn('Skip me too')
    for _ in range(2):
        warnings.warn('show me')
    print([str(x.message) for x in w])
print(warnings.formatwarning('m', UserWarning, 'f.py', 3, 'line'))
t = timeit.Timer(lambda: sum(range(10)))
print(t.timeit(10) >= 0, len(t.repeat(3, 5)))
try:
    timeit.Timer(3)
except ValueError as e:
    print('ValueError', e)
print(timeit.timeit(lambda: None, number=100) >= 0, len(timeit.repeat(lambda: None, repeat=2, number=10)))
import __future__
print(__future__.annotations, __future__.division.getMandatoryRelease())
