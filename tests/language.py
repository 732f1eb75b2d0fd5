"""Which words give a text away as English or as Norwegian, for tests that a text is all one language.

Names (people, places), quoted terms («…», '…'), paths, options and codes are set aside first: they are
the user's words or the program's, not the sentence's.
"""

from __future__ import annotations

import re

ENGLISH = frozenset("""
the is are not of and with this that from which must should cannot could would found invalid error usage options
show help exit required choice choose expected arguments value such directory permission denied empty file
folder meeting minutes agency write read only print positional optional message date name new next previous case
item delete save cancel back yes quit has have been was were will into in on or an it be if else than then there
their they what when where who how why does do any all none unknown already exists one following unrecognized
ambiguous could match allowed ignored explicit
""".split())  # noqa: SIM905 — a list of words reads best as text

NORWEGIAN = frozenset("""
og ikke ikkje er på til med fra frå møte møtet møta sak saker saka etat etaten etatar etater vedtak referat
referatet oppfølgingspunkt oppfølgingspunkter frist skriv velg vel finnes finst mangler manglar bare berre eller
av som kan må den det ingen ny nytt lagre avbryt tilbake kommune fil filen fila mappe mappen mappa tom tomt
ugyldig ukjent ukjend bruk valg val hjelp avslutt vis denne dette
""".split())  # noqa: SIM905 — a list of words reads best as text

_SET_ASIDE = re.compile(r"«[^»]*»|“[^”]*”|'[^']*'|\"[^\"]*\"|(?:~|\.{0,2})/\S*|--?[\w-]+|\$\w+"
                        r"|\S+\.(?:json|md|html|ics|txt)\b")


def words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", _SET_ASIDE.sub(" ", text).casefold())


def english_in(text: str) -> set[str]:
    return {w for w in words(text) if w in ENGLISH}


def norwegian_in(text: str) -> set[str]:
    return {w for w in words(text) if w in NORWEGIAN}
