def f() -> int: pass
def g() -> list[int]: pass
def h() -> "str": pass
async def i() -> None: pass
