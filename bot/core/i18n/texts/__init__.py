"""cobro's words, grouped by area. Each module exports TEXTS = {key: {"es": …, "en": …}}."""

from bot.core.i18n.texts import (
    agenda,
    calls,
    card,
    cli_help,
    common,
    dates,
    digest,
    help,
    importer,
    money,
    nudges,
    report,
    supervision,
    team,
)

ALL_TEXTS = (
    agenda.TEXTS,
    calls.TEXTS,
    card.TEXTS,
    cli_help.TEXTS,
    common.TEXTS,
    dates.TEXTS,
    digest.TEXTS,
    help.TEXTS,
    importer.TEXTS,
    money.TEXTS,
    nudges.TEXTS,
    report.TEXTS,
    supervision.TEXTS,
    team.TEXTS,
)
