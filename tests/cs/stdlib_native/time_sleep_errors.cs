# time.sleep rejects bad lengths with CPython's messages.
import time

for arg in [-1, -0.5, 'x', None, float('nan'), 1e300, [1]]:
    try:
        time.sleep(arg)
    except Exception as e:
        print(repr(arg), type(e).__name__ + ':', e)
try:
    time.sleep()
except TypeError as e:
    print('TypeError:', e)
try:
    time.time(1)
except TypeError as e:
    print('TypeError:', e)
time.sleep(False)  # bool is an int: zero seconds
print('done')
