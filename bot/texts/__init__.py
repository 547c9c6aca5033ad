"""cobro's words, grouped by area. Each module exports TEXTS = {key: {"es": …, "en": …}}."""

from bot.texts import agenda, common, dates, help, importer, team

ALL_TEXTS = (agenda.TEXTS, common.TEXTS, dates.TEXTS, help.TEXTS, importer.TEXTS, team.TEXTS)
