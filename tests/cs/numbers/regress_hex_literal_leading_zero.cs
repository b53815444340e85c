# Hex literals whose digits start with "0b" or "0o" (0x0b1, 0x0B) were read as if
# the digits carried a binary/octal prefix: int_from_literal skipped "0b" and
# 0x0b1 became 1. The parser already strips the base prefix; digits are bare.
print(0x0b1, 0x0B, 0xb, 0x0b, 0x00ff, 0x0_b_1)
print(0o0, 0o07, 0b0, 0b01, 0x0, 0x0e5, 0X0B10)
