class C:
    pass
C().missing_attr
