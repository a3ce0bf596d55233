# A double-entry ledger: accounts as a class hierarchy, transactions that
# must balance (validated with exceptions and rolled back), Decimal-free
# integer cents, interest applied with generators, statements with
# formatted columns, and audit checks with assert.
class LedgerError(Exception):
    pass
class Unbalanced(LedgerError):
    pass
class Frozen(LedgerError):
    pass

class Account:
    kind = "generic"
    def __init__(self, name, balance=0):
        self.name = name
        self.balance = balance
        self.frozen = False
        self.entries = []
    def apply(self, amount, memo):
        if self.frozen:
            raise Frozen(f"{self.name} is frozen")
        self.balance += amount
        self.entries.append((memo, amount, self.balance))
    def __repr__(self):
        return f"<{self.kind} {self.name}: {self.balance / 100:.2f}>"
class Asset(Account):
    kind = "asset"
class Liability(Account):
    kind = "liability"
class Savings(Asset):
    kind = "savings"
    def __init__(self, name, balance=0, rate_bp=250):
        super().__init__(name, balance)
        self.rate_bp = rate_bp
    def interest(self, months):
        for m in range(1, months + 1):
            earned = self.balance * self.rate_bp // 12 // 10000
            yield m, earned

class Ledger:
    def __init__(self):
        self.accounts = {}
        self.journal = []
    def open(self, account):
        self.accounts[account.name] = account
        return account
    def post(self, memo, *legs):
        if sum(a for _, a in legs) != 0:
            raise Unbalanced(f"{memo!r} does not balance: {[a for _, a in legs]}")
        done = []
        try:
            for name, amount in legs:
                self.accounts[name].apply(amount, memo)
                done.append((name, amount))
        except LedgerError:
            for name, amount in reversed(done):
                acct = self.accounts[name]
                acct.balance -= amount
                acct.entries.pop()
            raise
        self.journal.append((memo, legs))
    def trial_balance(self):
        return sum(a.balance for a in self.accounts.values())

L = Ledger()
cash = L.open(Asset("cash", 100_000))
sav = L.open(Savings("savings", 0, rate_bp=600))
loan = L.open(Liability("loan", -100_000))
L.post("move to savings", ("cash", -50_000), ("savings", 50_000))
for memo, legs in [("bad", (("cash", -10), ("savings", 5))), ("repay", (("cash", -20_000), ("loan", 20_000)))]:
    try:
        L.post(memo, *legs)
    except LedgerError as e:
        print(type(e).__name__, e)
loan.frozen = True
try:
    L.post("frozen", ("cash", -1), ("loan", 1))
except Frozen as e:
    print(type(e).__name__, e, cash.balance)
loan.frozen = False
for month, earned in sav.interest(3):
    L.post(f"interest m{month}", ("savings", earned), ("cash", -earned))
    print(f"month {month}: +{earned / 100:8.2f}")
print(L.accounts)
assert L.trial_balance() == 0, "books must balance"
for acct in L.accounts.values():
    print(f"== {acct.name} ({acct.kind}) ==")
    for memo, amount, bal in acct.entries:
        print(f"  {memo:<16}{amount / 100:>12,.2f}{bal / 100:>12,.2f}")
print(len(L.journal), [m for m, _ in L.journal], isinstance(sav, Asset), Savings.__mro__[1].__name__)
try:
    assert L.trial_balance() == 1, f"trial balance is {L.trial_balance()}"
except AssertionError as e:
    print(type(e).__name__, e)
