#!/usr/bin/env python3
"""Regenerates assets/fonts/NotoSansSC-Subset.otf from Debian's fonts-noto-cjk.

The subset holds the Simplified Chinese face (index 2 of NotoSansCJK-Regular.ttc) cut down to:
  - the 3,755 level-1 characters of GB2312,
  - printable ASCII, CJK punctuation and full-width forms,
  - every non-ASCII character in the app's own text: src/**/*.rs and assets/**/*.ron
    (UI strings, rules, personas), so that characters such as 呗 outside level 1 are kept,
  - and in the UTF-8 sample bill exports under tests/fixtures/import/ (the import preview shows
    their descriptions; a person's own bill may still hold rarer characters, drawn as boxes).
Run it again whenever strings change; `cargo test` fails (egui_kittest panics on a missing glyph,
and tests/ui_fonts.rs checks every string) when a character is missing.

Needs: apt-get install fonts-noto-cjk; pip install fonttools
Usage: scripts/make-font-subset.py [--check]   (--check: exit 1 if the subset misses a character)
"""
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCE = pathlib.Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
FACE_INDEX = 2  # Noto Sans CJK SC
OUT = ROOT / "assets" / "fonts" / "NotoSansSC-Subset.otf"


def gb2312_level1():
    """The 3,755 level-1 hanzi: rows 16-55 of GB2312 (row 55 ends at 0xD7F9)."""
    chars = []
    for row in range(0xB0, 0xD8):
        for cell in range(0xA1, 0xFF):
            if row == 0xD7 and cell > 0xF9:
                break
            chars.append(bytes([row, cell]).decode("gb2312"))
    assert len(chars) == 3755, len(chars)
    return chars


def app_characters():
    """Every non-ASCII character in the app's sources and data assets, and in the sample bill
    exports (their UTF-8 sources) that the import preview shows in tests and screenshots."""
    found = set()
    files = list((ROOT / "src").rglob("*.rs")) + list((ROOT / "assets").rglob("*.ron"))
    for path in files:
        found.update(c for c in path.read_text(encoding="utf-8") if ord(c) > 0x7E)
    for path in sorted((ROOT / "tests" / "fixtures" / "import").glob("*")):
        try:
            found.update(c for c in path.read_bytes().decode("utf-8") if ord(c) > 0x7E)
        except UnicodeDecodeError:
            pass  # GBK copies and binaries: their text is in the UTF-8 sources
    return found


def wanted():
    chars = set(gb2312_level1())
    chars.update(chr(c) for c in range(0x20, 0x7F))
    chars.update(chr(c) for c in range(0x3000, 0x3040))  # CJK symbols and punctuation
    chars.update(chr(c) for c in range(0xFF01, 0xFF5F))  # full-width forms
    chars.update("¥·—–‘’“”…•←→↑↓✓✗")
    chars.update(app_characters())
    return {c for c in chars if c.isprintable() or c == " "}


def covered(font_path):
    from fontTools.ttLib import TTFont

    return set(chr(cp) for cp in TTFont(font_path).getBestCmap())


def main():
    chars = wanted()
    if "--check" in sys.argv:
        missing = sorted(c for c in chars - covered(OUT) if ord(c) > 0x7E)
        source_has = covered_source()
        missing = [c for c in missing if c in source_has]
        if missing:
            print("missing from the subset:", "".join(missing))
            sys.exit(1)
        print("the subset covers every character")
        return
    from fontTools import subset

    options = subset.Options()
    options.font_number = FACE_INDEX
    options.hinting = False
    options.desubroutinize = True
    options.layout_features = []  # egui shapes no OpenType features; keep the file small
    font = subset.load_font(str(SOURCE), options, dontLoadGlyphNames=True)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(chars)))
    subsetter.subset(font)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    subset.save_font(font, str(OUT), options)
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KiB, {len(chars)} characters asked)")


def covered_source():
    from fontTools.ttLib import TTFont

    return set(chr(cp) for cp in TTFont(str(SOURCE), fontNumber=FACE_INDEX).getBestCmap())


if __name__ == "__main__":
    main()
