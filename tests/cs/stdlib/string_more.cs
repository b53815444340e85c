# string: constants, capwords, Template substitution and errors, Formatter, keyword.
import string
import keyword
from string import Template, Formatter

print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.whitespace), string.punctuation, len(string.printable))
print(string.capwords('  hello   world  '), string.capwords('a-b-c', '-'))
t = Template('$who likes $what, ${who}s cost $$5 $')
print(t.safe_substitute(who='tim'), t.get_identifiers(), t.is_valid())
try:
    t.substitute(who='tim', what='x')
except ValueError as e:
    print('ValueError', e)
try:
    Template('a\nb $who $1').substitute(who=1)
except ValueError as e:
    print('ValueError', e)
try:
    Template('$who $what').substitute({'who': 1})
except KeyError as e:
    print('KeyError', e)
print(Template('${a}b $a_1c $$a ${ a}').safe_substitute(a=1, a_1c=2), Template('x').substitute(),
      Template('$a$b').substitute({'a': 1}, b=2))


class Percent(Template):
    delimiter = '%'


print(Percent('%x %% %{x}y').substitute(x=5))
f = Formatter()
print(f.format('{0} {1!r} {name:>5} {{x}} {obj.real} {lst[1]}', 'a', 'b', name='n', obj=3, lst=[1, 2]))
print(f.format('{:{w}}|{}', 'x', 'y', w=4), list(f.parse('a{0!r:>{w}}b{{')))
print(keyword.iskeyword('for'), keyword.iskeyword('match'), keyword.issoftkeyword('match'),
      len(keyword.kwlist), keyword.kwlist[:3])
