[a for a in b] + c if d else lambda x: x
