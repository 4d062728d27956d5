"""The real-prose word-pair table (repair/bigram.py, from ar-corrector's counts)."""

from collections import Counter

from repair import bigram


def test_table_holds_real_prose_pairs():
    table = bigram._table()
    assert len(table.ids) == 120_000
    assert len(table.right) > 1_000_000
    assert bigram.log_prob("خلال", "الأربع") > bigram.log_prob("الأربع", "خلال")
    assert bigram.log_prob("والعشرين", "ساعة") > bigram.log_prob("والعشرين", "الماضية")


def test_clause_end_scores_the_end_then_a_new_start():
    table = bigram._table()
    import math
    expected = math.log10(table.prob("الانسان", bigram.END)) + math.log10(table.prob(bigram.START, "وقال"))
    assert abs(bigram.log_prob("الإنسان.", "وقال") - expected) < 1e-9


def test_numbers_and_latin_get_the_flat_score():
    assert bigram.log_prob("عام", "2016") == bigram.NON_WORD
    assert bigram.log_prob("iPhone", "الجديد") == bigram.NON_WORD


def test_unknown_words_back_off_without_error():
    assert bigram.log_prob("كلمةمجهولةتماما", "أخرىمجهولة") < bigram.log_prob("قال", "إن")


def test_written_table_reads_back(tmp_path):
    pairs = Counter({("<s>", "قال"): 5, ("قال", "ان"): 4, ("قال", "في"): 1, ("ان", "<e>"): 3})
    path = tmp_path / "t.bin.gz"
    bigram.write_table(pairs, path, min_count=2, vocabulary=10)
    import gzip
    table = bigram.Bigrams(gzip.decompress(path.read_bytes()))
    ids = table.ids
    assert table.stats[3 * ids["قال"]:3 * ids["قال"] + 3].tolist() == [5, 2, 1]   # total, followers, predecessors
    assert table.prob("قال", "ان") > table.prob("قال", "في") > 0               # "في" pruned: backed off only
