# Two threads increment one attribute of one shared object: in the STM
# flavour their transactions conflict at the line of the increment.
import threading

class Account:
    pass

acct = Account()
acct.balance = 0
start = threading.Barrier(2)


def work():
    start.wait()
    for i in range(30000):
        acct.balance += 1


threads = [threading.Thread(target=work) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(acct.balance)
