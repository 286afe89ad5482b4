#!/usr/bin/python3
"""Font subsets of Noto Sans CJK SC for the web app.

  font_subset.py --font TTC ui --out FILE --root DIR [--after SCREEN]... FILE...
      Every character used in FILE... (content and UI sources) plus printable ASCII, but for
      the messages no learner sees before the quizzes load (see NOT_DRAWN_FIRST and --after).
      Fails, naming file, line and character, where the font lacks a glyph: the app would
      otherwise show an empty box to a learner. Of a lesson file given with --titles only the
      titles and the summary count: the pages' text comes with the lessons font (`extra`).
  font_subset.py --font TTC extra --out FILE --besides FONT... --root DIR FILE...
      The characters of FILE... that FONT (the first-load subset) lacks: the lessons' pages,
      and the practice (the quizzes, the self-assessment and the messages of the screens that
      show them), load after the first frame with their own small fonts instead of growing
      the first load. Fails like `ui` on a character Noto Sans
      CJK SC lacks.
  font_subset.py --font TTC fallback --out FILE [--unihan FILE]
      For text a learner types: all of GB2312 (6,763 hanzi, symbols, CJK punctuation) and the
      8,105 characters of the Table of General Standard Chinese Characters (通用规范汉字表,
      2013), which adds 1,467 characters GB2312 lacks, many of them in names (喆, 玥, 赟, 堃, 昇…).
      The table is read at build time from the kTGH field of Unihan (Debian's unicode-data);
      fails if the file is missing, does not list exactly 8,105, or the font lacks one.
  font_subset.py --font TTC marks --out FILE
      The quotation marks, apostrophe and ellipsis at their proportional (Latin) widths, as
      the font's `pwid` feature would draw them: Dear ImGui applies no font features, so
      English text puts this font first and the CJK font's full-width forms stay for Chinese.
  font_subset.py --font TTC coverage --out FILE
      The code points the font covers, one hex number a line (for the content validator).
"""
import argparse
import bz2
import os
import re
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection
from fontTools.ttLib.tables._c_m_a_p import CmapSubtable

SIMPLIFIED_CHINESE = 2  # face index of Noto Sans CJK SC inside the collection

# Always present, whatever the sources use: ASCII and the marks ImGui draws by itself.
ALWAYS = {chr(c) for c in range(0x20, 0x7F)} | set("…·•—–“”‘’×÷→←↑↓▶▼✓")


def gb2312_characters():
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    chars |= {chr(c) for c in range(0x3000, 0x3040)}   # CJK symbols and punctuation
    chars |= {chr(c) for c in range(0xFF01, 0xFF5F)}   # full-width forms
    chars |= {chr(c) for c in range(0x2010, 0x2040)}   # general punctuation
    return chars


# Unihan's kTGH field numbers each character of the Table of General Standard Chinese Characters
# ("2013:1234"); Debian ships the file compressed.
UNIHAN_MAPPINGS = "/usr/share/unicode/Unihan_OtherMappings.txt.bz2"
GENERAL_STANDARD_COUNT = 8105


def general_standard_characters(path):
    """The 8,105 characters of 通用规范汉字表 (2013), mapped to their numbers in the table."""
    opener = bz2.open if path.endswith(".bz2") else open
    try:
        with opener(path, "rt", encoding="utf-8") as f:
            table = {}
            for line in f:
                fields = line.rstrip("\n").split("\t")
                if len(fields) == 3 and fields[1] == "kTGH":
                    table[chr(int(fields[0][2:], 16))] = fields[2]
    except OSError as e:
        sys.exit(f"font_subset: cannot read the Unihan mappings ({e}): install Debian's unicode-data")
    if len(table) != GENERAL_STANDARD_COUNT:
        sys.exit(f"font_subset: {path} lists {len(table)} characters of the Table of General Standard "
                 f"Chinese Characters (kTGH), not {GENERAL_STANDARD_COUNT}")
    return table


# UI messages (app/core/i18n.cpp) that the first-load font need not draw: the reasons an
# instructor's ?content= course was refused (such a course brings the large fallback font
# with the first load, see web/shell.js) and the column headers of exported results (written
# into a file, never drawn).
NOT_DRAWN_FIRST = re.compile(r"MessageText\{Msg::(content_|csv_)")
MESSAGE_START = re.compile(r"\s*MessageText\{Msg::")


MESSAGE_USE = re.compile(r"Msg::(\w+)")


def messages_only_in(after, paths):
    """The messages that only the --after screens use: they draw nothing until the quizzes
    and their font have loaded (a message used anywhere else stays in the first load)."""
    used_after, used_elsewhere = set(), set()
    for path in paths:
        if os.path.basename(path).startswith("i18n."):
            continue
        with open(path, encoding="utf-8") as f:
            names = set(MESSAGE_USE.findall(f.read()))
        (used_after if os.path.abspath(path) in after else used_elsewhere).update(names)
    return used_after - used_elsewhere


HEADING_START = re.compile(r'"(title|summary)"\s*:\s*\{')


def heading_characters(paths, root):
    """Maps each non-ASCII character of the titles and summaries of lesson files (what the
    home and lessons screens show of a lesson) to the first 'file:line' that uses it; the
    pages' text loads with the lessons font after the first frame."""
    where = {}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            inside = False
            for number, line in enumerate(f, 1):
                start = HEADING_START.search(line)
                if start:
                    inside = True
                    line = line[start.start():]
                if not inside:
                    continue
                for ch in line:
                    if ord(ch) >= 0x80 and not ch.isspace() and ch not in where:
                        where[ch] = f"{os.path.relpath(path, root)}:{number}"
                if "}" in line:
                    inside = False
    return where


def used_characters(paths, root, first_load=False, after=()):
    """Maps each non-ASCII character to the first 'file:line' that uses it (for the first
    load: leaving out the messages of NOT_DRAWN_FIRST and those only `after` screens use)."""
    later = messages_only_in({os.path.abspath(a) for a in after}, list(paths) + list(after)) if first_load else set()
    where = {}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            skipping = False
            for number, line in enumerate(f, 1):
                if MESSAGE_START.match(line):
                    name = MESSAGE_USE.search(line).group(1)
                    skipping = first_load and (NOT_DRAWN_FIRST.search(line) is not None or name in later)
                elif not line.lstrip().startswith('"'):  # a message's text continues on lines of strings
                    skipping = False
                if skipping:
                    continue
                for ch in line:
                    if ord(ch) >= 0x80 and not ch.isspace() and ch not in where:
                        where[ch] = f"{os.path.relpath(path, root)}:{number}"
    return where


def write_subset(font_path, chars, out):
    cmap_font = TTCollection(font_path).fonts[SIMPLIFIED_CHINESE]
    options = subset.Options()
    options.font_number = SIMPLIFIED_CHINESE
    options.hinting = False
    options.desubroutinize = True  # larger raw, smaller gzipped
    # Dear ImGui applies no OpenType layout (no kerning, no vertical or proportional forms)
    # and lays text out horizontally: those tables would be bytes no learner sees.
    options.layout_features = []
    options.drop_tables += ["GSUB", "GPOS", "vhea", "vmtx", "VORG"]
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # keep copyright and license names
    font = subset.load_font(font_path, options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in chars if ord(c) in cmap_font.getBestCmap()])
    subsetter.subset(font)
    os.makedirs(os.path.dirname(out) or ".", exist_ok=True)
    tmp = out + ".tmp"
    subset.save_font(font, tmp, options)
    os.replace(tmp, out)


LATIN_MARKS = "‘’“”…"


def write_latin_marks(font_path, out):
    """The marks of LATIN_MARKS mapped to the glyphs the `pwid` feature substitutes."""
    source = TTCollection(font_path).fonts[SIMPLIFIED_CHINESE]
    cmap, proportional, gsub = source.getBestCmap(), {}, source["GSUB"].table
    for record in gsub.FeatureList.FeatureRecord:
        if record.FeatureTag == "pwid":
            for index in record.Feature.LookupListIndex:
                for table in gsub.LookupList.Lookup[index].SubTable:
                    proportional.update(getattr(table, "mapping", {}))
    remap = {ord(c): proportional.get(cmap[ord(c)], cmap[ord(c)]) for c in LATIN_MARKS}
    options = subset.Options()
    options.font_number = SIMPLIFIED_CHINESE
    options.hinting = False
    options.desubroutinize = True
    options.layout_features = []
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    font = subset.load_font(font_path, options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(glyphs=sorted(set(remap.values())))
    subsetter.subset(font)
    table = CmapSubtable.newSubtable(4)
    table.platformID, table.platEncID, table.language = 3, 1, 0
    table.cmap = remap
    font["cmap"].tables = [table]
    os.makedirs(os.path.dirname(out) or ".", exist_ok=True)
    font.save(out + ".tmp")
    os.replace(out + ".tmp", out)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--font", required=True)
    parser.add_argument("mode", choices=["ui", "extra", "fallback", "marks", "coverage"])
    parser.add_argument("--besides", action="append", default=[], help="extra: a font whose characters are left out")
    parser.add_argument("--after", action="append", default=[],
                        help="ui: a screen drawn only once the quizzes and their font have loaded")
    parser.add_argument("--titles", action="append", default=[],
                        help="ui: a lesson file of which only the titles and summary count (its pages load later)")
    parser.add_argument("--out", required=True)
    parser.add_argument("--root", default=".")
    parser.add_argument("--unihan", default=UNIHAN_MAPPINGS,
                        help="fallback: Unihan_OtherMappings.txt (or .bz2), for the kTGH field")
    parser.add_argument("sources", nargs="*")
    args = parser.parse_intermixed_args()

    cmap = TTCollection(args.font).fonts[SIMPLIFIED_CHINESE].getBestCmap()
    if args.mode == "coverage":
        os.makedirs(os.path.dirname(args.out) or ".", exist_ok=True)
        with open(args.out + ".tmp", "w") as f:
            f.writelines(f"{c:X}\n" for c in sorted(cmap))
        os.replace(args.out + ".tmp", args.out)
        return
    if args.mode == "marks":
        write_latin_marks(args.font, args.out)
        print(f"font_subset: marks: {LATIN_MARKS} -> {args.out} ({os.path.getsize(args.out)} bytes)")
        return
    if args.mode in ("ui", "extra"):
        where = used_characters(args.sources, args.root, first_load=args.mode == "ui", after=args.after)
        for ch, loc in heading_characters(args.titles, args.root).items():
            where.setdefault(ch, loc)
        missing = sorted((loc, ch) for ch, loc in where.items() if ord(ch) not in cmap)
        for loc, ch in missing:
            print(f"{loc}: error: character '{ch}' (U+{ord(ch):04X}) is not in Noto Sans CJK SC", file=sys.stderr)
        if missing:
            sys.exit(1)
        chars = set(where) | ALWAYS
        if args.mode == "extra":
            from fontTools.ttLib import TTFont
            besides = set()
            for path in args.besides:
                besides |= set(TTFont(path).getBestCmap())
            chars = {ch for ch in where if ord(ch) not in besides}
    else:
        general = general_standard_characters(args.unihan)
        missing = sorted((number, ch) for ch, number in general.items() if ord(ch) not in cmap)
        for number, ch in missing:
            print(f"error: character '{ch}' (U+{ord(ch):04X}, {number} of the Table of General Standard "
                  f"Chinese Characters) is not in Noto Sans CJK SC", file=sys.stderr)
        if missing:
            sys.exit(1)
        chars = gb2312_characters() | set(general) | ALWAYS
    write_subset(args.font, chars, args.out)
    print(f"font_subset: {args.mode}: {len(chars)} characters -> {args.out} ({os.path.getsize(args.out)} bytes)")


if __name__ == "__main__":
    main()
