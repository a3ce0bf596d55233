# An exception raised while handling another, in nested function calls,
# with a lambda and a comprehension in the traceback; the program ends with
# the chained traceback ("During handling of the above exception...").
class Account:
    def __init__(self, balance):
        self.balance = balance
    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError("insufficient funds: %d > %d" % (amount, self.balance))
        self.balance -= amount

def process(accounts, amounts):
    return [apply(a, x) for a, x in zip(accounts, amounts)]

def apply(account, amount):
    try:
        account.withdraw(amount)
        return account.balance
    except ValueError:
        report = lambda: {"ok": False}["reason"]
        return report()

print(process([Account(10), Account(5)], [3, 4]))
process([Account(10), Account(5)], [3, 40])
