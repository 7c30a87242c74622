"""Names sort as people expect: ä with a, ß as ss, case ignored."""

from shared.collation import last_name_key, sort_key


def test_german_names_sort_among_their_letters():
    names = ["Brooklyn Bagel", "Zander", "Bäckerei Sonne", "Klaus", "Käthe", "Österreich AG",
             "Oma", "Übel", "Ulm", "bad company", "Öko", "Ärzte"]
    assert sorted(names, key=sort_key) == [
        "Ärzte", "Bäckerei Sonne", "bad company", "Brooklyn Bagel", "Käthe", "Klaus", "Öko",
        "Oma", "Österreich AG", "Übel", "Ulm", "Zander"]


def test_sharp_s_is_ss_and_equal_names_keep_one_order():
    assert sorted(["Strauss", "Straße", "Strasse", "Strase"], key=sort_key) == [
        "Strase", "Strasse", "Straße", "Strauss"]
    assert sorted(["Müller", "Mullerei", "Muller"], key=sort_key) == [
        "Muller", "Müller", "Mullerei"]
    assert sort_key("MULLER") == sort_key("Muller")  # case alone does not order
    assert sort_key("Ørsted") < sort_key("Ostbahn") < sort_key("Pauls")


def test_by_last_name_then_first_name():
    people = [("Klein", "Rob", "Rob Klein"), ("Ähnlich", "Zoe", "Zoe Ähnlich"),
              (None, None, "Anonymous Caller"), ("Klein", "Anna", "Anna Klein")]
    ordered = sorted(people, key=lambda p: last_name_key(*p))
    assert [p[2] for p in ordered] == ["Zoe Ähnlich", "Anonymous Caller", "Anna Klein",
                                       "Rob Klein"]
