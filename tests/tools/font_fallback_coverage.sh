#!/bin/sh
# The background font must draw whatever Chinese a learner is likely to type: every hanzi of
# GB2312 and every character of the Table of General Standard Chinese Characters (通用规范汉字表,
# 8,105), which holds the characters of names GB2312 lacks. Checks the font the build ships,
# reading the table from Unihan's kTGH field itself rather than trusting the subsetter's list.
#   font_fallback_coverage.sh FONT [UNIHAN_OTHER_MAPPINGS]
font=$1 unihan=${2:-/usr/share/unicode/Unihan_OtherMappings.txt.bz2}
[ -f "$font" ] || { echo "$font is missing: build the web app first"; exit 1; }
exec /usr/bin/python3 - "$font" "$unihan" <<'EOF'
import bz2, sys
from fontTools.ttLib import TTFont

font, unihan = sys.argv[1], sys.argv[2]
cmap = TTFont(font).getBestCmap()
failed = False

names = "喆玥赟堃昇翀旻珺"
lacking = [c for c in names if ord(c) not in cmap]
if lacking:
    print(f"{font} lacks these characters of names: {' '.join(lacking)}")
    failed = True

with bz2.open(unihan, "rt", encoding="utf-8") if unihan.endswith(".bz2") else open(unihan, encoding="utf-8") as f:
    table = [line.split("\t") for line in f if "\tkTGH\t" in line]
general = [(chr(int(code[2:], 16)), number.strip()) for code, _, number in table]
if len(general) != 8105:
    print(f"{unihan} lists {len(general)} characters of the table, not 8105")
    failed = True
absent = [(c, n) for c, n in general if ord(c) not in cmap]
print(f"the Table of General Standard Chinese Characters: {len(general) - len(absent)} of {len(general)} in {font}")
for c, n in absent[:20]:
    print(f"  missing {c} U+{ord(c):04X} ({n})")
failed = failed or bool(absent)

gb2312 = set()
for hi in range(0xB0, 0xF8):  # rows 16-87: the 6,763 hanzi
    for lo in range(0xA1, 0xFF):
        try:
            gb2312.add(bytes([hi, lo]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
absent_gb = sorted(c for c in gb2312 if ord(c) not in cmap)
print(f"GB2312 hanzi: {len(gb2312) - len(absent_gb)} of {len(gb2312)}")
if len(gb2312) != 6763 or absent_gb:
    print(f"  missing: {''.join(absent_gb[:40])}")
    failed = True
sys.exit(1 if failed else 0)
EOF
