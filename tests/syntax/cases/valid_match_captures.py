match x:
    case 1 if a:
        pass
    case a:
        pass
