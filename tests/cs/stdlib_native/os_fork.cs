# os.fork/waitpid and the wait-status helpers: exit codes and death by signal.
import os
import sys

sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os._exit(7)
wpid, status = os.waitpid(pid, 0)
print(wpid == pid, os.WIFEXITED(status), os.WEXITSTATUS(status), os.WIFSIGNALED(status))
print(os.waitstatus_to_exitcode(status))

r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, b'from child %d' % os.getppid())
    os._exit(0)
os.close(w)
msg = os.read(r, 100)
os.close(r)
wpid, status = os.waitpid(pid, 0)
print(msg == b'from child %d' % os.getpid(), os.WEXITSTATUS(status))

pid = os.fork()
if pid == 0:
    os.kill(os.getpid(), 9)
    os._exit(0)
wpid, status = os.waitpid(pid, 0)
print(os.WIFEXITED(status), os.WIFSIGNALED(status), os.WTERMSIG(status))
print(os.waitstatus_to_exitcode(status))

pid = os.fork()
if pid == 0:
    os._exit(3)
print(os.waitpid(pid, 0)[1] >> 8)
try:
    os.waitpid(-1, 0)
except ChildProcessError as e:
    print('ChildProcessError:', e)
try:
    os.kill(2**22 + 12345, 0)
except ProcessLookupError as e:
    print('ProcessLookupError:', e)
print(os.WNOHANG, os.WIFEXITED(status=0), os.WEXITSTATUS(256 * 5))
