match x:
    case 1 | 2 | 3:
        pass
    case (1 | 2) as y:
        pass
    case [a, b] if a > b:
        pass
    case C(x) | D(x) as z if z:
        pass
    case Color.RED:
        pass
    case (a):
        pass
