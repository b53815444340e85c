# Indexing, slicing and searching long non-ASCII strs stays linear (checkpoint index), and agrees with CPython.
text = ''.join(chr(0x3b1 + (i * 7) % 24) + ('é' if i % 5 == 0 else 'x') for i in range(20000))
print(len(text), text[0], text[-1], text[12345], text[39999], text[64], text[128:140])
acc = 0
for i in range(len(text)):
    acc = (acc * 31 + ord(text[i])) % 1000003
print(acc)
back = ''.join(text[i] for i in range(len(text) - 1, -1, -1))
print(back == text[::-1], back[:10])
print(text.find('αé', 30000), text.rfind('é', 0, 1000), text.count('é'), text.index('x', 39990))
parts = text.split('é')
print(len(parts), parts[1], parts[-1], sum(len(p) for p in parts))
joined = '→'.join(['ab'] * 5000)
print(len(joined), joined[4], joined[-4], joined[9000:9010], joined.rindex('→'))
grown = ''
for i in range(300):
    grown += 'ü' if i % 2 else 'u'
print(len(grown), grown[255], grown[299], grown[100:106])
