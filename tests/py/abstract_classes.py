from abc import ABC, abstractmethod
class Base(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def name(self): ...
    def describe(self):
        return f"{self.name()} with area {self.area()}"
class Partial(Base):
    def area(self): return 1
class Full(Partial):
    def name(self): return "full"
try:
    Base()
except TypeError as e:
    print(e)
try:
    Partial()
except TypeError as e:
    print(e)
print(Full().describe(), isinstance(Full(), Base), sorted(Base.__abstractmethods__))
