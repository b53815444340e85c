# SIGINT during a blocking socket call or wait (sent by a forked child) interrupts it with KeyboardInterrupt.
import os
import select
import socket
import time


def interrupt_after(delay):
    pid = os.fork()
    if pid == 0:
        time.sleep(delay)
        os.kill(os.getppid(), 2)  # SIGINT (no signal module yet)
        os._exit(0)
    return pid


a, b = socket.socketpair()
server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen()
ep = select.epoll()
ep.register(a, select.EPOLLIN)
p = select.poll()
p.register(a, select.POLLIN)

waits = [
    ("recv", lambda: a.recv(10)),
    ("recv with timeout", lambda: (a.settimeout(30), a.recv(10))),
    ("accept", lambda: server.accept()),
    ("select", lambda: select.select([a], [], [])),
    ("select with timeout", lambda: select.select([a], [], [], 30)),
    ("poll", lambda: p.poll()),
    ("epoll", lambda: ep.poll(30)),
]
for name, call in waits:
    pid = interrupt_after(0.1)
    start = time.monotonic()
    try:
        call()
        print(name, "returned")
    except KeyboardInterrupt as e:
        print(name, "KeyboardInterrupt", repr(e), time.monotonic() - start < 10)
    os.waitpid(pid, 0)
a.settimeout(None)

# The sockets still work afterwards.
b.send(b"after")
print(a.recv(10), ep.poll(0) == [], p.poll(0))
for s in (a, b, server, ep):
    s.close()
