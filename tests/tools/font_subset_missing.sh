#!/bin/sh
# The font subsetter must fail on a character the font lacks and name file, line and character.
#   font_subset_missing.sh SOURCE_DIR OUT_DIR
src=$1 out=$2
if output=$(/usr/bin/python3 "$src/tools/font_subset.py" --font /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc \
    ui --out "$out/missing.otf" --root "$src" "$src/tests/tools/missing_glyph.txt" 2>&1); then
  echo "font_subset.py accepted a character the font lacks"; exit 1
fi
echo "$output"
echo "$output" | grep -q "tests/tools/missing_glyph.txt:1: error: character '.*' (U+1F600) is not in Noto Sans CJK SC"
