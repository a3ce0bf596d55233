match p:
    case (a, b) | [b, a]:
        print(a, b)
    case [_, *_, last]:
        print(last)
