# A round-robin scheduler built from generators.
#
# Each task is a generator. A task runs until it yields, which hands the CPU
# back to the scheduler; the scheduler then resumes the next task in line.
# That is cooperative multitasking, the idea underneath asyncio, in a page.
#
# A task says what it wants by what it yields:
#   yield               -> "let the others run, then come back to me"
#   yield Sleep(t)      -> "wake me up t time units from now"
# and when a task returns, its return value is its result.
#
# Time here is a virtual clock that jumps straight to the next wake-up, so
# the program runs instantly and prints the same thing every time.

from collections import deque
import heapq


class Sleep:
    """Yielded by a task that wants to sleep for `delay` time units."""

    def __init__(self, delay):
        self.delay = delay


class Scheduler:
    def __init__(self):
        self.ready = deque()  # tasks that can run now, in turn order
        self.sleeping = []    # heap of (wake-up time, sequence, name, task)
        self.clock = 0
        self.seq = 0          # breaks ties between equal wake-up times
        self.results = {}

    def spawn(self, name, task):
        self.ready.append((name, task))

    def run(self):
        while self.ready or self.sleeping:
            if not self.ready:
                # Nobody can run: jump the clock to the first sleeper.
                wake, _, name, task = heapq.heappop(self.sleeping)
                self.clock = wake
                self.ready.append((name, task))
            name, task = self.ready.popleft()
            try:
                request = next(task)  # run the task up to its next yield
            except StopIteration as done:
                # The generator returned: its value rides on StopIteration.
                self.results[name] = done.value
                log(f"{name} finished -> {done.value!r}")
                continue
            except Exception as error:
                self.results[name] = error
                log(f"{name} failed: {error!r}")
                continue
            if isinstance(request, Sleep):
                self.seq += 1
                entry = (self.clock + request.delay, self.seq, name, task)
                heapq.heappush(self.sleeping, entry)
            else:
                self.ready.append((name, task))  # to the back of the line


scheduler = Scheduler()


def log(message):
    print(f"[t={scheduler.clock}] {message}")


# --- The tasks ------------------------------------------------------------

def counter(label, n):
    """Counts to n, giving up the CPU after every step."""
    for i in range(1, n + 1):
        log(f"{label}: {i}")
        yield
    return n


def napper(label, naps):
    """Sleeps a few times; the clock advances while it sleeps."""
    for delay in naps:
        log(f"{label}: sleeping {delay}")
        yield Sleep(delay)
        log(f"{label}: awake")
    return sum(naps)


def fetch(url):
    """A sub-task: `yield from` lets it yield on behalf of its caller."""
    log(f"fetching {url}")
    yield Sleep(2)
    return f"<page {url}>"


def crawler(urls):
    pages = []
    for url in urls:
        page = yield from fetch(url)  # the sub-task's return value
        pages.append(page)
    return pages


def clumsy():
    yield
    raise ValueError("something went wrong")


scheduler.spawn("counter", counter("counter", 3))
scheduler.spawn("napper", napper("napper", [3, 1]))
scheduler.spawn("crawler", crawler(["a.example", "b.example"]))
scheduler.spawn("clumsy", clumsy())
scheduler.run()
print("results:", sorted(scheduler.results))
print("total time:", scheduler.clock)
