class InsufficientFunds(Exception):
    def __init__(self, needed):
        super().__init__(f"need {needed} more")
        self.needed = needed
class Account:
    _next_id = 1
    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self.id = Account._next_id
        Account._next_id += 1
        self.history = []
    @property
    def balance(self):
        return self._balance
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("amount must be positive")
        self._balance += amount
        self.history.append(("dep", amount))
        return self
    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds(amount - self._balance)
        self._balance -= amount
        self.history.append(("wd", amount))
        return self
    def __repr__(self):
        return f"Account#{self.id}({self.owner!r}, {self._balance})"
class Savings(Account):
    rate = 0.05
    def add_interest(self):
        return self.deposit(round(self.balance * self.rate, 2))
accts = [Account("ann", 100), Savings("bob", 1000)]
accts[0].deposit(50).withdraw(30)
accts[1].add_interest()
for a in accts:
    print(a, a.history)
try:
    accts[0].withdraw(1000)
except InsufficientFunds as e:
    print("error:", e, e.needed)
try:
    accts[0].deposit(-1)
except ValueError as e:
    print("error:", e)
print(sorted(accts, key=lambda a: -a.balance))
