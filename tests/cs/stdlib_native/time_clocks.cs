# time: the clocks move forward, have the right types, and sleep waits at least as asked.
import time

t0 = time.time()
n0 = time.time_ns()
p0 = time.perf_counter()
m0 = time.monotonic()
pn0 = time.perf_counter_ns()
mn0 = time.monotonic_ns()
print(type(t0).__name__, type(n0).__name__, type(p0).__name__, type(pn0).__name__)
print(t0 > 1600000000, n0 > 1600000000 * 10**9)
print(abs(n0 / 1e9 - t0) < 5)

time.sleep(0.05)
time.sleep(0)
time.sleep(1 / 1000)
print("slept >= 0.05:", time.perf_counter() - p0 >= 0.05)
print("monotonic >= 0.05:", time.monotonic() - m0 >= 0.05)
print("ns clocks agree:", time.perf_counter_ns() - pn0 >= 50_000_000, time.monotonic_ns() >= mn0)
print("wall clock moved:", time.time() >= t0)

# CPU clocks: a busy loop consumes CPU time.
c0 = time.process_time()
th0 = time.thread_time()
x = 0
for i in range(200000):
    x += i * i
print(type(c0).__name__, type(th0).__name__, time.process_time() >= c0, time.thread_time() >= th0)
print(type(time.process_time_ns()).__name__, type(time.thread_time_ns()).__name__)
print(time.clock_gettime(time.CLOCK_MONOTONIC) > 0, type(time.clock_gettime_ns(time.CLOCK_REALTIME)).__name__)
