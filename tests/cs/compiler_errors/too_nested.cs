# more than 20 nested blocks.
while x:
    while x:
        while x:
            while x:
                while x:
                    while x:
                        while x:
                            while x:
                                while x:
                                    while x:
                                        while x:
                                            while x:
                                                while x:
                                                    while x:
                                                        while x:
                                                            while x:
                                                                while x:
                                                                    while x:
                                                                        while x:
                                                                            while x:
                                                                                while x:
                                                                                    pass