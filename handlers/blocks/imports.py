"""The folder sync's message to the admins: which file, imported or refused, and what it
changed or why not."""

from __future__ import annotations

from typing import Any

from bot.core.i18n import Lang, t
from bot.imports.report import SyncedFile
from handlers.blocks.common import clip, context, escape, header, message, section


def build_folder_import(synced: SyncedFile, lang: Lang) -> dict[str, Any]:
    lines = [escape(line) for line in synced.lines(lang)]
    blocks = [
        header(t("sync.title", lang)),
        section(lines[0]),
        *([section(clip("\n".join(lines[1:]), 2900))] if len(lines) > 1 else []),
        context(escape(synced.moved_to)),
    ]
    return message("\n".join(lines), blocks)
