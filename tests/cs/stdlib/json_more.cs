# json: decoder errors with positions, escapes and surrogates, hooks, encoder options and errors.
import json

docs = ['', ' ', '{bad json}', '[1, 2', '[1,]', '{"a":1,}', '{"a" 1}', '{"a":1 "b":2}', '[1 2]',
        '"abc', '"a\\qb"', '"\\u12"', '"\\u12zz"', '"a\tb"', '1 2', 'nul', '-', '01', '1.', '1e',
        '.5', '[', '{', '{"a"', '{"a":', '"\\', 'NaNx', '\ufeff1', '{1:2}', '"\\ud83d\\ude00"',
        'Infinity', '-Infinity', '[-0, -0.0, 1E5, 1e-2, 123456789012345678901234567890, 1e+3]',
        '"\\/\\b\\f\\n\\r\\t\\""', '"\\ud83d\\u00e9x"', '1e+', '-0.5e', '[1, "x" ,{ "k" : [ ] } ]',
        '"\u00e9\u2603"', '"\\u00E9"', '-5', '3.25', '\n\n  [1,\n x]']
for doc in docs:
    try:
        print(repr(doc), '->', repr(json.loads(doc)))
    except json.JSONDecodeError as e:
        print(repr(doc), 'error:', e, '|', e.msg, e.pos, e.lineno, e.colno)
try:
    json.loads(3)
except TypeError as e:
    print('TypeError', e)
e = json.JSONDecodeError('m', 'ab\ncd', 4)
print(e, e.args, isinstance(e, ValueError))
print(json.loads(b'[1]'), json.loads(bytearray(b'{"a": "\xc3\xa9"}')))
print(json.loads('{"a": 1, "b": [1.5, 2]}', object_pairs_hook=lambda p: p),
      json.loads('[1.5, 2, NaN]', parse_float=lambda s: 'F' + s, parse_int=lambda s: 'I' + s,
                 parse_constant=lambda s: 'C' + s))
print(json.loads('"a\tb"', strict=False), json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d)))


class P:
    pass


cases = [({'a': [1, 2.5, None, True], 'b': {}}, {}), ([], {'indent': 2}), ({}, {'indent': 2}),
         ([1, [2, []], {}], {'indent': 0}), ([1, {'a': 2}], {'indent': '\t'}),
         ({'b': 1, 'a': 2}, {'sort_keys': True, 'indent': 1, 'separators': (', ', ' = ')}),
         ('é\u2603\U0001f600\x7f\x00\x1f"\\', {}), ('é\u2603\U0001f600\x7f\x00\x1f"\\', {'ensure_ascii': False}),
         (float('nan'), {}), ([float('inf'), -float('inf'), 1e16, 1.5e-7, -0.0], {}),
         ({1: 2, 2.5: 1, True: 3, None: 4}, {}), ({(1, 2): 3}, {}), ({(1, 2): 3, 'a': 1}, {'skipkeys': True}),
         (P(), {}), (float('nan'), {'allow_nan': False}), ({'a': 1, 2: 'b'}, {'sort_keys': True}),
         (10 ** 30, {}), ((1, 2), {'indent': 3}), ('tab\there', {}), ({'k': 'v'}, {'separators': (',', ':')})]
for obj, kw in cases:
    try:
        print(repr(json.dumps(obj, **kw)))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
loop = []
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print('ValueError', e)


class SetEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)


print(json.dumps({'s': {3, 1, 2}}, cls=SetEncoder), SetEncoder(indent=2).encode([{3}]))
print(json.dumps(json.loads('{"\\u00e9": "\\ud83d\\ude00"}')), json.dumps('\U0001f600', ensure_ascii=False))
doc = {'users': [{'id': i, 'name': 'user%d' % i, 'tags': ['a'] * (i % 3)} for i in range(3)]}
text = json.dumps(doc, indent=2, sort_keys=True)
print(text)
print(json.loads(text) == doc)
