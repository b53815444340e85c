# An uncaught ConnectionRefusedError ends the program with CPython's last line.
import socket

probe = socket.socket()
probe.bind(("127.0.0.1", 0))
port = probe.getsockname()[1]
probe.close()
print("connecting")
socket.create_connection(("127.0.0.1", port))
