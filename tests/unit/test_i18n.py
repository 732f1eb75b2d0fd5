"""The one translation function and its catalogues."""

from slt_tui.i18n import plural, set_language, t
from slt_tui.locales import en, nb
from slt_tui.store import DatabaseLockedError


def test_both_catalogues_have_the_same_keys():
    assert set(nb.MESSAGES) == set(en.MESSAGES)


def test_every_placeholder_matches_between_languages():
    import string

    def fields(text):
        return {f for _, f, _, _ in string.Formatter().parse(text) if f}

    for key, text in nb.MESSAGES.items():
        assert fields(text) == fields(en.MESSAGES[key]), key


def test_errors_speak_the_current_language():
    error = DatabaseLockedError(path="x.json", user="kari", host="server", pid=7, since="24.11.2026 09:00")
    set_language("en")
    assert error.sentence().startswith("The database x.json is in use by kari on server")
    set_language("nb")
    assert error.sentence().startswith("Databasen x.json er i bruk av kari på server")


def test_plural_and_missing_keys():
    assert plural("start.overdue", 1) == "1 forfalt oppfølgingspunkt"
    assert plural("start.overdue", 3) == "3 forfalte oppfølgingspunkter"
    assert t("no.such.key") == "no.such.key"
