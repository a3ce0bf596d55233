from .. import mod_a
Y = mod_a.X + "!"
