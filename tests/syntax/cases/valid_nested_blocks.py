def outer():
    class Inner:
        def method(self):
            for i in x:
                while y:
                    if z:
                        with w:
                            try:
                                pass
                            except E:
                                pass
