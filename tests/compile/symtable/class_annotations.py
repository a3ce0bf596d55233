class C:
    x: int
    y: str = 'a'
    self.z: int = 1
