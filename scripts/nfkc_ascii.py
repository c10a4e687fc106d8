#!/usr/bin/env python3
"""Prints the table in src/privacy/fold.rs: every character that Unicode's NFKC turns into one
printable ASCII character, as ranges (first, last, what the first becomes; the rest follow in
order). The privacy guard's patterns read only ASCII letters, digits and signs, so this is NFKC
as far as they can tell. Run with the Python whose Unicode version you want, and paste."""
import unicodedata

items = []
for cp in range(0x80, 0x110000):
    n = unicodedata.normalize("NFKC", chr(cp))
    if len(n) == 1 and 0x21 <= ord(n) <= 0x7E:
        items.append((cp, ord(n)))
ranges = []
for cp, t in items:
    if ranges and ranges[-1][1] + 1 == cp and ranges[-1][2] + (cp - ranges[-1][0]) == t:
        ranges[-1][1] = cp
    else:
        ranges.append([cp, cp, t])
print(f"// Unicode {unicodedata.unidata_version}: {len(items)} characters in {len(ranges)} ranges")
print(f"const NFKC_ASCII: [(u32, u32, u8); {len(ranges)}] = [")
for a, b, t in ranges:
    lit = {92: "b'\\\\'", 39: "b'\\''"}.get(t, f"b'{chr(t)}'")
    print(f"    (0x{a:X}, 0x{b:X}, {lit}),")
print("];")
