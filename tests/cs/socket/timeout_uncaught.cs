# An uncaught socket timeout is reported as TimeoutError: timed out.
import socket

a, b = socket.socketpair()
a.settimeout(0.01)
a.recv(1)
