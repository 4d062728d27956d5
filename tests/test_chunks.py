"""Chunk-reversed lines: hypotheses scored with the lexicon and the neighbours."""

import repair
from repair.chunks import best_reading, could_be_chunk_reversed, seam_gain

from conftest import CLEAN_FILES, ROOT, read


def test_seams_need_a_left_half_that_does_not_join_and_a_real_word():
    assert seam_gain("الأثر", "ية،") > 5
    assert seam_gain("وز", "ير") > 5
    assert seam_gain("أ", "كد") > 3
    assert seam_gain("قال", "إن") is None          # لـ joins left: no run break there
    assert seam_gain("بعد", "ما") is None          # بعدما is a word, but the gain is small


def test_four_chunk_line_from_002():
    line = "يتا ياض حجاب، ورئيس المجلس المحلي لمدينة حلب بر ية ر للمفاوضات التابعة للمعارضة السور"
    got = best_reading(line.split(), "العليا", "حاجي")
    assert got.text == "للمفاوضات التابعة للمعارضة السورية رياض حجاب، ورئيس المجلس المحلي لمدينة حلب بريتا"
    assert got.confidence > 0.9


def test_three_chunk_lines_from_002():
    line = "ية تسلمهم المقترح الذي تدعمه واشنطن. وقال كد مسؤولون بالمعارضة السور حتى الآن، بينما أ"
    got = best_reading(line.split(), "حلب", "سيرغي")
    assert got.text == "حتى الآن، بينما أكد مسؤولون بالمعارضة السورية تسلمهم المقترح الذي تدعمه واشنطن. وقال"


def test_clean_lines_are_never_candidates_or_left_alone():
    for path in CLEAN_FILES:
        lines = read(path).split("\n")
        for line in lines:
            if could_be_chunk_reversed(line):
                assert best_reading(line.split(), "<s>", "</s>") is None, line


def test_a_line_with_no_fragments_is_left_alone():
    line = "وقال المرصد إن الاشتباكات توقفت في المدينة مع استمرار القصف الجوي على أطرافها"
    assert repair.fix_text(line) == line


def test_seams_across_slash_compounds():
    """``أبريل/نيسان`` cut after أبر: the seam joins on the near side of the slash."""
    assert seam_gain("أبر", "يل/نيسان") > 3
    assert seam_gain("يوليو/تمو", "ز،") > 3
    line = "ين شهرا، رس/آذار، مسجلا أدنى مستوى له منذ ثلاثة وعشر نة بـ4.1% في ما إلى 3.4% مقار"
    got = best_reading(line.split(), "الماضي", "مدفوعا")
    assert got.text == "إلى 3.4% مقارنة بـ4.1% في مارس/آذار، مسجلا أدنى مستوى له منذ ثلاثة وعشرين شهرا،"


def test_a_lone_waw_is_the_left_half_of_a_seam():
    """The conjunction و is written joined: a lone و at a chunk's edge is a fragment."""
    assert seam_gain("و", "فر") > 3 and seam_gain("و", "حتى") > 3
    line = "ثرية ينة الأ فر في تدمر.. داعش يسيطر مجدداً على المد كر و"
    got = best_reading(line.split(), "<s>", "</s>")
    assert got.text == "كر وفر في تدمر.. داعش يسيطر مجدداً على المدينة الأثرية"


def test_a_clean_line_with_a_loose_waw_is_left_alone():
    line = "وصل الوفد إلى المدينة و التقى بالمسؤولين هناك قبل أن يغادر إلى الحدود"
    assert repair.fix_text(line) == line


def test_a_figure_glued_to_a_seam_half():
    """pdftotext glues digits to the next word; a run break inside that word still makes a seam."""
    assert seam_gain("20أ", "لف") > 3 and seam_gain("72سا", "عة") > 3
    assert seam_gain("2016", "ية") is None


def test_seam_halves_after_a_quote_or_a_hashtag_and_lone_letters():
    assert seam_gain("لـ«الجز", "يرة") > 3
    assert seam_gain("#الكو", "يت") > 3
    assert seam_gain("أ", "كثر") > 3


def test_a_word_cut_twice_comes_back_from_three_pieces():
    """A chunk of one fragment between two others is joined on both sides: باستثناء, not باء."""
    line = "ء يوم الجمعة. ستثنا ال أيام الحملة با الساعة 8 صباحا حتى 3 عصرا طو"
    got = best_reading(line.split(), "يوميا", "<s>")
    assert got.text == "الساعة 8 صباحا حتى 3 عصرا طوال أيام الحملة باستثناء يوم الجمعة."
    assert "با|ستثنا|ء→باستثناء" in got.evidence


def test_a_slash_compound_in_the_middle_chunk_makes_two_seams():
    line = "ب، في حين يستضيف ط مع الشبا اير/شبا ويلتقي الأهلي في الجولة المقبلة يوم ٢٤ فبر"
    got = best_reading(line.split(), "<s>", "</s>")
    assert got.text == "ويلتقي الأهلي في الجولة المقبلة يوم ٢٤ فبراير/شباط مع الشباب، في حين يستضيف"


def test_a_phrase_the_siblings_repeat_decides_where_the_line_starts():
    """Sibling 001 says «وشهد منتصف ليل السبت الأحد جولة»: the rotation of 002's line 35 follows it."""
    from repair import adjacency
    from conftest import SEEDS

    line = "ير الدفاع البريطاني مايكل فالون الأحد السبت الأحد جولة جديدة من النزوح. من جهته، توقع وز"
    logical = "السبت الأحد جولة جديدة من النزوح. من جهته، توقع وزير الدفاع البريطاني مايكل فالون الأحد"
    siblings = [read(p) for p in sorted(SEEDS.glob("00[013]_*.txt"))]
    assert best_reading(line.split(), "ليل", "أن", adjacency.LocalPairs(siblings)).text == logical


def test_a_long_headline_above_a_blank_line_starts_a_paragraph():
    """The headline (51 characters, no full stop) is narrower than the wrap width (88), so the
    rotated line under it opens a paragraph: ``كشفت`` at the start, not ``كوبرتينو``."""
    from repair.line_context import previous_token
    from repair.paragraphs import wrap_width

    damaged = read(ROOT / "fixtures" / "damaged" / "chunks" / "mixed_01.s1.txt")
    lines = damaged.split("\n")
    assert previous_token(lines, 2, wrap_width(lines)) == "<s>"
    assert previous_token(lines, 2) == "Pro"        # no width known: only the 40-character rule
    assert repair.fix_text(damaged).split("\n")[2].startswith("كشفت شركة آبل (Apple)")


def test_a_full_line_above_a_blank_line_runs_on():
    lines = ["س" * 80 + " قال", "", "إن الجيش"]
    from repair.line_context import previous_token
    assert previous_token(lines, 2, 85) == "قال"


def test_a_line_with_latin_and_figures_is_put_back():
    """Half of the line's letters Latin (iPhone, Pro, Max) is still an Arabic line for the chunk step."""
    damaged = read(ROOT / "fixtures" / "damaged" / "chunks" / "mixed_01.s1.txt")
    assert "صباحا بتوقيت المحيط الهادئ، أي" in repair.fix_text(damaged)


def test_a_lone_letter_as_a_seams_right_half():
    """``وجبل هيا|ل``: the place name هيال is rare, but a lone ل is no word, so the seam holds and
    the four-chunk line of seed 003's damaged copy comes back whole."""
    assert seam_gain("هيا", "ل") is not None
    damaged = read(ROOT / "fixtures" / "damaged" / "chunks" / "seed_003.s1.txt")
    assert "وجبل هيال وصوامع الحبوب بريف حمص الشرقي عقب" in repair.fix_text(damaged)


def test_a_link_does_not_make_a_line_latin():
    """The line is taken up and its seam joined (where it starts, before or after رابط, the
    models get wrong: the line is a post with no sentence around it)."""
    damaged = read(ROOT / "fixtures" / "damaged" / "chunks" / "dialect_03.s3.txt")
    fixed = repair.fix_text(damaged)
    assert "في البطولة: https://forms.gle/Xy7Kp2RtL9mQbN3a8" in fixed
    assert "\nلة: " not in fixed


def test_a_rare_joined_word_counts_through_its_stem():
    """``بالخواد|م`` makes بالخوادم, rare in the list (Zipf 1.4), but الخوادم is common."""
    damaged = read(ROOT / "fixtures" / "damaged" / "chunks" / "mixed_01.s1.txt")
    assert "بالخوادم السحابية." in repair.fix_text(damaged)


def test_a_table_row_or_list_item_opens_as_its_neighbours_do():
    """Rotations of a row (``ب 20 … 4 الشبا`` between ``3 النصر …`` and ``5 الاتحاد …``) and of a
    list's last item (``يتون أخضر - مخلل لفت أو ز`` under two ``- …`` items) start like the
    rows and items around them; word statistics alone could not tell."""
    table = repair.fix_text(read(ROOT / "fixtures" / "damaged" / "chunks" / "table_01.s1.txt"))
    assert "\n4 الشباب 20 10 5 5 29 22 +7 35\n" in table
    recipe = repair.fix_text(read(ROOT / "fixtures" / "damaged" / "chunks" / "table_03.s2.txt"))
    assert "- مخلل لفت أو زيتون أخضر\n" in recipe


def test_a_rotated_verse_line_does_not_open_or_end_on_the_hemistich_break():
    """Verse lines of fixtures/clean/classical_* wrapped at 55–75 characters and rotated once
    (as scripts/eval_chunks.py does): told the document is verse, more come back (measured 31
    against 25 of 70)."""
    import random
    import sys
    sys.path.insert(0, str(ROOT / "scripts"))
    from eval_chunks import cut_points, damage, wrap
    from repair import line_context

    counts = {False: 0, True: 0}
    for verse in counts:
        for seed in range(1, 6):
            rng = random.Random(seed)
            for path in sorted((ROOT / "fixtures" / "clean").glob("classical_*.txt")):
                lines = [line for p in read(path).split("\n") for line in wrap(p, rng.randint(55, 75))]
                if not line_context.is_verse(lines, set()):
                    continue
                for i, line in enumerate(lines[:-1]):
                    points = cut_points(line)
                    if line.split().count("…") != 1 or not points:
                        continue
                    cut = [rng.choice(points)]
                    before = lines[i - 1].split()[-1] if i and lines[i - 1].strip() else "<s>"
                    after = lines[i + 1].split()[0] if lines[i + 1].strip() else "</s>"
                    got = best_reading(damage(line, cut).split(), before, after, None, None, verse)
                    counts[verse] += got is not None and got.text == line
    assert counts[True] >= counts[False] + 4
