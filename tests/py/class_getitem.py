class G:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__}]"
print(G[int])
print(list[int], dict[str, list[int]], tuple[int, ...])
alias = list[int]
print(alias.__origin__, alias.__args__, alias([1, 2]))
try:
    int[str]
except TypeError as e:
    print(e)
