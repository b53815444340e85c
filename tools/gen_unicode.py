#!/usr/bin/env python3
# Generates vm/unicode_db.inc, the character database behind vm/unicode.c,
# by asking CPython itself (the oracle) about every code point, so str
# methods answer exactly as CPython 3.11 does. Usage:
#   python3 tools/gen_unicode.py > vm/unicode_db.inc
import sys
import unicodedata

FLAGS = ['ALPHA', 'DECIMAL', 'DIGIT', 'NUMERIC', 'SPACE', 'PRINTABLE', 'LOWER', 'UPPER',
         'TITLE', 'CASED', 'CASE_IGNORABLE', 'XID_START', 'XID_CONTINUE',
         'EXT_LOWER', 'EXT_UPPER', 'EXT_TITLE', 'EXT_FOLD']
BIT = {name: 1 << i for i, name in enumerate(FLAGS)}
SHIFT = 7
MAXCP = 0x110000

ext = []        # flattened multi-code-point case mappings
ext_index = {}  # tuple -> offset in ext


def case_field(cp, mapped, flagname):
    # A one-code-point mapping is stored as a delta; longer ones go to ext.
    if len(mapped) == 1:
        return 0, ord(mapped) - cp
    key = tuple(ord(c) for c in mapped)
    if key not in ext_index:
        ext_index[key] = len(ext)
        ext.extend(key)
    return BIT[flagname], (len(key) << 16) | ext_index[key]


def record(cp):
    c = chr(cp)
    f = 0
    checks = [('ALPHA', c.isalpha()), ('DECIMAL', c.isdecimal()), ('DIGIT', c.isdigit()),
              ('NUMERIC', c.isnumeric()), ('SPACE', c.isspace()),
              ('PRINTABLE', c.isprintable()), ('LOWER', c.islower()),
              ('UPPER', c.isupper()), ('TITLE', unicodedata.category(c) == 'Lt'),
              ('XID_START', c.isidentifier()), ('XID_CONTINUE', ('a' + c).isidentifier())]
    for name, ok in checks:
        if ok:
            f |= BIT[name]
    # Cased comes from title() (a char after a cased one stays lower);
    # Case_Ignorable from the final-sigma rule, which skips ignorable chars.
    cased = ('a' + c + 'b').title().endswith('b')
    cased_not_ignorable = ('1' + c + '\u03a3').lower().endswith('\u03c2')
    cased_or_ignorable = ('\u0391' + c + '\u03a3').lower().endswith('\u03c2')
    ignorable = not cased_not_ignorable if cased else cased_or_ignorable
    if cased:
        f |= BIT['CASED']
    if ignorable:
        f |= BIT['CASE_IGNORABLE']
    fields = []
    for name, mapped in (('LOWER', c.lower()), ('UPPER', c.upper()),
                         ('TITLE', c.title()), ('FOLD', c.casefold())):
        if 0xD800 <= cp < 0xE000:
            mapped = c
        bit, val = case_field(cp, mapped, 'EXT_' + name)
        f |= bit
        fields.append(val)
    dec = unicodedata.decimal(c, -1) if not (0xD800 <= cp < 0xE000) else -1
    dig = unicodedata.digit(c, -1) if not (0xD800 <= cp < 0xE000) else -1
    return (f, dec, dig) + tuple(fields)


def main():
    records = []
    rec_index = {}
    per_cp = []
    for cp in range(MAXCP):
        r = record(cp)
        if r not in rec_index:
            rec_index[r] = len(records)
            records.append(r)
        per_cp.append(rec_index[r])
    blocks = []
    block_index = {}
    index1 = []
    size = 1 << SHIFT
    for start in range(0, MAXCP, size):
        blk = tuple(per_cp[start:start + size])
        if blk not in block_index:
            block_index[blk] = len(blocks)
            blocks.append(blk)
        index1.append(block_index[blk])
    out = sys.stdout
    out.write('// Generated from CPython %s (Unicode %s) by tools/gen_unicode.py. Do not edit.\n'
              % (sys.version.split()[0], unicodedata.unidata_version))
    out.write('// Included by vm/unicode.c only.\n')
    for i, name in enumerate(FLAGS):
        out.write('#define UDB_%s 0x%xu\n' % (name, 1 << i))
    out.write('#define UDB_SHIFT %d\n' % SHIFT)
    out.write('static const UdbRecord udb_records[%d] = {\n' % len(records))
    for r in records:
        out.write('    {0x%x, %d, %d, %d, %d, %d, %d},\n' % r)
    out.write('};\n')
    def emit(name, ctype, vals, per_line):
        out.write('static const %s %s[%d] = {\n' % (ctype, name, len(vals)))
        for i in range(0, len(vals), per_line):
            out.write('    ' + ', '.join(str(v) for v in vals[i:i + per_line]) + ',\n')
        out.write('};\n')
    itype = 'uint8_t' if len(blocks) < 256 else 'uint16_t'
    emit('udb_index1', itype, index1, 24)
    flat = [v for b in blocks for v in b]
    rtype = 'uint8_t' if len(records) < 256 else 'uint16_t'
    emit('udb_index2', rtype, flat, 24)
    emit('udb_ext', 'uint32_t', ext, 12)
    sys.stderr.write('records %d blocks %d ext %d\n' % (len(records), len(blocks), len(ext)))


main()
