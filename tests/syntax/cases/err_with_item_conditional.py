# A conditional without else ends a with item: the parser gave up
# without an error, and the compiler met an empty item list (fuzz).
with i in x if await  b: pass
