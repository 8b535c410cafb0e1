# A compiled busy loop must let other threads run and see signals.
import signal
import threading

done = []


def worker():
    total = 0
    for i in range(100000):
        total += i
    done.append(total)


t = threading.Thread(target=worker)
t.start()
spins = 0
while not done:
    spins += 1
t.join()
print("worker finished", done[0])


class Alarm(Exception):
    pass


def on_alarm(signum, frame):
    raise Alarm()


signal.signal(signal.SIGALRM, on_alarm)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    n = 0
    while True:
        n += 1
except Alarm:
    print("alarm interrupted the loop")
