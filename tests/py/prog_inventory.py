# An inventory system: dataclass-free classes with __slots__, properties,
# class/static methods, custom exceptions with attributes, sorting with
# multiple keys, grouping, JSON serialisation round trip, and reports
# formatted with f-strings.
import json
from collections import defaultdict
from functools import total_ordering

class InventoryError(Exception):
    pass
class OutOfStock(InventoryError):
    def __init__(self, sku, wanted, have):
        super().__init__(f"{sku}: wanted {wanted}, only {have} left")
        self.sku, self.wanted, self.have = sku, wanted, have

@total_ordering
class Item:
    __slots__ = ("sku", "name", "price_cents", "qty", "category")
    def __init__(self, sku, name, price_cents, qty, category):
        self.sku, self.name, self.price_cents, self.qty, self.category = sku, name, price_cents, qty, category
    @property
    def price(self):
        return self.price_cents / 100
    @property
    def value(self):
        return self.price_cents * self.qty
    def __eq__(self, other):
        return (self.category, self.sku) == (other.category, other.sku)
    def __lt__(self, other):
        return (self.category, self.sku) < (other.category, other.sku)
    def __repr__(self):
        return f"Item({self.sku!r}, qty={self.qty})"
    def to_dict(self):
        return {s: getattr(self, s) for s in self.__slots__}
    @classmethod
    def from_dict(cls, d):
        return cls(**d)
    @staticmethod
    def fmt_money(cents):
        return f"${cents // 100:,}.{cents % 100:02d}"

class Inventory:
    def __init__(self):
        self.items = {}
        self.log = []
    def add(self, item):
        if item.sku in self.items:
            raise InventoryError(f"duplicate sku {item.sku}")
        self.items[item.sku] = item
    def remove(self, sku, qty):
        try:
            item = self.items[sku]
        except KeyError:
            raise InventoryError(f"unknown sku {sku}") from None
        if qty > item.qty:
            raise OutOfStock(sku, qty, item.qty)
        item.qty -= qty
        self.log.append((sku, -qty))
        return item.price_cents * qty
    def by_category(self):
        groups = defaultdict(list)
        for it in sorted(self.items.values()):
            groups[it.category].append(it)
        return dict(groups)
    def report(self):
        lines = []
        for cat, items in self.by_category().items():
            total = sum(i.value for i in items)
            lines.append(f"{cat:<10}|{len(items):>3} items|{Item.fmt_money(total):>14}")
            for i in items:
                lines.append(f"  {i.sku:<6} {i.name:<14.14} {i.qty:>4} x {i.price:>8.2f}")
        return "\n".join(lines)

inv = Inventory()
data = [("A1", "Widget", 250, 100, "parts"), ("B7", "Gadget deluxe edition", 199999, 3, "devices"),
        ("A2", "Sprocket", 75, 1000, "parts"), ("C3", "Manual", 1500, 0, "books"), ("B2", "Doohickey", 4999, 12, "devices")]
for row in data:
    inv.add(Item(*row))
print(inv.report())
for sku, qty in [("A1", 30), ("B7", 5), ("ZZ", 1), ("C3", 1), ("A2", 1000)]:
    try:
        print(sku, "sold for", Item.fmt_money(inv.remove(sku, qty)))
    except OutOfStock as e:
        print("OutOfStock:", e, (e.wanted, e.have), isinstance(e, InventoryError))
    except InventoryError as e:
        print("InventoryError:", e, e.__cause__, e.__suppress_context__)
try:
    inv.add(Item("A1", "dup", 1, 1, "x"))
except InventoryError as e:
    print(e)
dump = json.dumps([i.to_dict() for i in sorted(inv.items.values())], sort_keys=True)
restored = [Item.from_dict(d) for d in json.loads(dump)]
print(dump[:90])
print(restored, restored == sorted(inv.items.values()), max(restored), min(restored, key=lambda i: i.value))
print(sorted(inv.items.values(), key=lambda i: (-i.value, i.name))[:3], inv.log)
try:
    Item("X", "y", 1, 1, "z").color = "red"
except AttributeError as e:
    print(type(e).__name__, e)
print(sum(i.qty for i in inv.items.values()), Item.fmt_money(sum(i.value for i in inv.items.values())))
