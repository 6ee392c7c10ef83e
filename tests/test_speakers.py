"""Speaker identity: one person across titles and scripts, bare surnames only where safe."""

import pytest

from verify.db import open_db
from verify.model import SpeakerRef
from verify.speakers import resolve_speaker


@pytest.fixture
def db(tmp_path):
    return open_db(tmp_path / "v.db")


def test_titles_and_scripts_meet_in_one_speaker(db):
    a = resolve_speaker(db, SpeakerRef("Col. Ryan Dillon", role="spokesman"), report_speakers={})
    b = resolve_speaker(db, SpeakerRef("Ryan Dillon"), report_speakers={})
    c = resolve_speaker(db, SpeakerRef("رايان ديلون", role="الناطق باسم التحالف الدولي",
                                       title="العقيد"), report_speakers={})
    assert a == b == c
    aliases = {r[0] for r in db.execute("SELECT alias FROM speaker_aliases WHERE speaker_id = ?", [a])}
    assert aliases == {"Col. Ryan Dillon", "Ryan Dillon", "رايان ديلون"}
    assert db.execute("SELECT name, title FROM speakers WHERE id = ?", [a]).fetchone() == (
        "Ryan Dillon", "Col.")


def test_bare_surname_joins_within_a_report_only(db):
    in_report: dict = {}
    full = resolve_speaker(db, SpeakerRef("Ryan Dillon"), report_speakers=in_report)
    assert resolve_speaker(db, SpeakerRef("Dillon"), report_speakers=in_report) == full
    elsewhere = resolve_speaker(db, SpeakerRef("Dillon"), report_speakers={})
    assert elsewhere != full


def test_bare_surname_joins_across_reports_with_the_same_role(db):
    full = resolve_speaker(db, SpeakerRef("Ryan Dillon", role="coalition spokesman"), report_speakers={})
    same_role = resolve_speaker(db, SpeakerRef("Dillon", role="Coalition spokesman"), report_speakers={})
    other_role = resolve_speaker(db, SpeakerRef("Dillon", role="senator"), report_speakers={})
    assert same_role == full and other_role != full


def test_anonymous_and_media_are_keyed_by_their_wording(db):
    a = resolve_speaker(db, SpeakerRef("مصادر كردية", kind="anonymous"), report_speakers={})
    b = resolve_speaker(db, SpeakerRef("مصادر كردية", kind="anonymous"), report_speakers={})
    c = resolve_speaker(db, SpeakerRef("مصادر في المحافظة", kind="anonymous"), report_speakers={})
    d = resolve_speaker(db, SpeakerRef("وسائل إعلام أميركية", kind="media"), report_speakers={})
    assert a == b and len({a, c, d}) == 3


def test_known_organisations_meet_across_languages(db):
    a = resolve_speaker(db, SpeakerRef("التحالف الدولي ضد داعش", kind="organisation"), report_speakers={})
    b = resolve_speaker(db, SpeakerRef("US-led coalition", kind="organisation"), report_speakers={})
    assert a == b
