"""Message catalogues: gettext `.po` files per language (`nb`, `nn`, `en`), compiled to `.mo` beside them.

`python -m slt_tui.locales` brings the catalogues in line with the English one and compiles them;
`glossary.toml` fixes the terms each language uses. The language is chosen in `slt_tui.i18n`.
"""
