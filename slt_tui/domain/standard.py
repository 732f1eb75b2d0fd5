"""The agencies an SLT collaboration usually has; a new database starts with these."""

from slt_tui.domain.models import Agency

STANDARD_AGENCIES: tuple[Agency, ...] = tuple(
    Agency(code=code, name=name)
    for code, name in (
        ("KOM", "Kommuneledelsen"),
        ("SLT", "SLT-koordinator"),
        ("POL", "Politiet"),
        ("BV", "Barnevernstjenesten"),
        ("NAV", "NAV"),
        ("PPT", "PP-tjenesten"),
        ("HS", "Helsestasjon og skolehelsetjenesten"),
        ("SKOLE", "Skole"),
        ("KF", "Kultur og fritid"),
        ("PHR", "Psykisk helse og rus"),
    )
)
