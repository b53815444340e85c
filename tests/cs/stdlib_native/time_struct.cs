# time.struct_time: gmtime results, field access, indexing, repr and the constructor's checks.
import time

t = time.gmtime(0)
print(t)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday, t.tm_isdst)
print(t.tm_zone, t.tm_gmtoff)
print(len(t), t[0], t[-1], t[:3], tuple(t))
print(isinstance(t, tuple), type(t).__name__, type(t).__module__)
print(t == (1970, 1, 1, 0, 0, 0, 3, 1, 0))
print(time.struct_time.n_fields, time.struct_time.n_sequence_fields, time.struct_time.n_unnamed_fields)

# A leap day, the last second of a year, negative and fractional times.
print(time.gmtime(951782400))
print(tuple(time.gmtime(1704067199)))
print(tuple(time.gmtime(-1)))
print(tuple(time.gmtime(1.999)), tuple(time.gmtime(-1.5)))
print(time.gmtime(2**31).tm_year, time.gmtime(10**10).tm_year)

s = time.struct_time((2024, 2, 29, 12, 30, 45, 3, 60, 0))
print(s, s.tm_zone)
s2 = time.struct_time((2024, 2, 29, 12, 30, 45, 3, 60, 0, 'XYZ', 3600))
print(s2.tm_zone, s2.tm_gmtoff, len(s2), s2 == s)
y, mo, d, *rest = s
print(y, mo, d, rest)

for bad in [(1, 2, 3), tuple(range(12)), 5]:
    try:
        time.struct_time(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    t.tm_year = 5
except AttributeError as e:
    print("AttributeError")
