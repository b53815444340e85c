# time.strftime/asctime/ctime/mktime on fixed times, and their argument checks.
import os
import time

os.environ['TZ'] = 'UTC'
time.tzset()
print(time.timezone, time.altzone, time.daylight, time.tzname)

t = (2024, 3, 5, 7, 8, 9, 1, 65, 0)
for fmt in ['%Y-%m-%d %H:%M:%S', '%a %A %b %B', '%j %U %W %w', '%y %I %p %M', '%%', '',
            'plain text', '%c', '%x %X', '%D %T %R', '%e|%n|%t|', 'é %Y ü']:
    print(repr(fmt), repr(time.strftime(fmt, t)))
print(time.strftime('%Y-%m-%d', time.gmtime(0)))
print(time.strftime('%H:%M:%S %Z', time.gmtime(3661)))
print(time.strftime('%Y', (1999, 0, 0, 0, 0, 0, 0, 0, 0)))
print(len(time.strftime('%Y' * 300, t)))

print(time.asctime(t))
print(time.asctime((2024, 12, 25, 23, 5, 0, 2, 360, 0)))
print(time.asctime(time.gmtime(0)))
print(time.ctime(0), '|', time.ctime(1e9))
print(time.mktime((1970, 1, 2, 0, 0, 0, 0, 0, 0)), time.mktime(time.gmtime(123456789)))
print(time.localtime(86400 * 365))
print(time.mktime(time.localtime(1700000000)) == 1700000000)

def show(f, *args):
    try:
        print(repr(f(*args)))
    except Exception as e:
        print(type(e).__name__ + ':', e)

show(time.strftime, '%Y', (2024, 13, 1, 0, 0, 0, 0, 1, 0))
show(time.strftime, '%Y', (2024, 1, 32, 0, 0, 0, 0, 1, 0))
show(time.strftime, '%Y', (2024, 1, 1, 24, 0, 0, 0, 1, 0))
show(time.strftime, '%Y', (2024, 1, 1, 0, 60, 0, 0, 1, 0))
show(time.strftime, '%Y', (2024, 1, 1, 0, 0, 62, 0, 1, 0))
show(time.strftime, '%Y', (2024, 1, 1, 0, 0, 0, -9, 1, 0))
show(time.strftime, '%Y', (2024, 1, 1, 0, 0, 0, 0, 367, 0))
show(time.strftime, '%Y', (1, 2, 3))
show(time.strftime, '%Y', 5)
show(time.strftime, '%Y', (2024, 1, 1, 0, 0, 0.5, 0, 1, 0))
show(time.strftime, 5)
show(time.asctime, (1, 2))
show(time.mktime, [2024, 1, 1, 0, 0, 0, 0, 1, 0])
show(time.mktime, (2024, 1, 1, 0, 0, 0, 0, 1, 2**70))
show(time.gmtime, 'x')
show(time.gmtime, float('nan'))
show(time.gmtime, 1e300)
show(time.localtime, 1, 2)

print(time.strptime('2024-03-05 07:08', '%Y-%m-%d %H:%M'))
print(tuple(time.strptime('5', '%d')), time.strptime('2024', '%Y').tm_zone)
print(tuple(time.strptime('Tue Mar  5 07:08:09 2024')))
show(time.strptime, 'x', '%Y')
show(time.strptime, '2024x', '%Y')
show(time.strptime, '2024', 5)
show(time.strptime, 5, '%Y')
