x = f"""
ab{y}
   {z + w}"""
y = (f"a"
     f"{b}")
