a = b'a' b'b' rb'c' Rb"d"
