"""Cross-script keys: Arabic and English spellings of one name meet, different names rarely do."""

import csv
import random
from pathlib import Path

from verify.keys import entity_key, person_key, strip_titles, surname_key

PAIRS = list(csv.DictReader(open(Path(__file__).parent / "fixtures" / "name_pairs.csv",
                                 encoding="utf-8")))


def _key(row: dict, column: str) -> str:
    return (person_key if row["type"] == "person" else entity_key)(row[column])


def test_fixture_covers_people_places_and_organisations():
    kinds = {row["type"] for row in PAIRS}
    assert len(PAIRS) >= 100 and kinds == {"person", "place", "organisation"}


def test_at_least_ninety_percent_of_arabic_english_pairs_meet():
    met = sum(_key(row, "en") == _key(row, "ar") for row in PAIRS)
    assert met / len(PAIRS) >= 0.90, f"{met}/{len(PAIRS)} pairs meet"


def test_at_most_two_percent_of_random_different_names_collide():
    rng = random.Random(20171202)
    collisions = 0
    for _ in range(1000):
        a, b = rng.sample(PAIRS, 2)
        collisions += _key(a, "en") == _key(b, "ar")
    assert collisions <= 20, f"{collisions}/1000 collide"


def test_seed_names_meet_across_scripts_and_titles():
    assert person_key("Col. Ryan Dillon") == person_key("العقيد رايان ديلون") == person_key("Ryan Dillon")
    assert entity_key("Kirkuk") == entity_key("كركوك")
    assert entity_key("Tuz Khurmatu") == entity_key("طوزخورماتو")


def test_titles_are_split_off_but_a_lone_word_is_kept():
    assert strip_titles("Col. Ryan Dillon") == ("Col.", "Ryan Dillon")
    assert strip_titles("العقيد رايان ديلون") == ("العقيد", "رايان ديلون")
    assert strip_titles("President") == (None, "President")


def test_surname_key_is_the_last_name_in_either_script():
    assert surname_key("Col. Ryan Dillon") == surname_key("ديلون") == entity_key("Dillon")


def test_known_collision_is_a_real_one():
    # Amman and Oman are both عمان in Arabic: a key is evidence, never proof.
    assert entity_key("Amman") == entity_key("Oman") == entity_key("عمان")
