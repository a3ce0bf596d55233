x = f'{a} and {b!r:>{w}} {c:.2f}'
y = f'{a=}'
