"""cobro's words, grouped by area. Each module exports TEXTS = {key: {"es": …, "en": …}}."""

from bot.texts import common, dates, help, importer, team

ALL_TEXTS = (common.TEXTS, dates.TEXTS, help.TEXTS, importer.TEXTS, team.TEXTS)
