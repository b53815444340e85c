# Case conversion (full Unicode mappings, final sigma) and the is* predicates.
words = ['hello World', "they're bill's", 'ǆemal', 'straße', 'ΟΔΟΣ ΣΑΣ.', 'İstanbul', 'ﬁne', 'ÀÉÎ õü', '3rd place']
for w in words:
    print(repr(w), '|', w.upper(), '|', w.lower(), '|', w.title(), '|', w.capitalize(), '|', w.swapcase(), '|', w.casefold())
print('MiXeD 123'.lower(), 'ABC'.lower() == 'abc', 'hELLO'.capitalize(), 'ωσ'.upper())
samples = ['', 'abc', 'ABC', 'Abc', 'Hello World', 'hello world', 'ǅungla', '123', '½', '²', '٣', 'Ⅻ',
           ' \t\n', '\u3000', 'abc123', 'a b', 'x1_', '1x', '_', 'é', 'naïve', '\x00', 'tab\t', 'ÀB', '日本']
preds = ['isalpha', 'isalnum', 'isdecimal', 'isdigit', 'isnumeric', 'isspace', 'islower', 'isupper',
         'istitle', 'isidentifier', 'isprintable', 'isascii']
for s in samples:
    print(repr(s), ''.join('1' if getattr(s, p)() else '0' for p in preds))
print('Σ'.lower(), 'aΣ'.lower(), 'aΣb'.lower(), 'a.Σ'.lower(), "A'Σ".lower())
