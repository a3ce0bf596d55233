if x else y
