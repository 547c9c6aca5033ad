"""A few settings read without building them all: `cobro parse-date` must start fast, and
pydantic-settings alone costs a fresh process about 80 ms. The rules are Settings' own
(`bot.core.config`): the environment over `.env`, names in any case, an empty value unset;
whatever this cannot vouch for goes through the full settings, which say what is wrong."""

from __future__ import annotations

import os
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def local_timezone_name() -> str:
    """The machine's IANA zone: `TZ`, else the target of /etc/localtime, else UTC."""
    candidates = [os.environ.get("TZ", "")]
    try:
        link = Path("/etc/localtime").resolve()
        if "zoneinfo" in link.parts:
            candidates.append("/".join(link.parts[link.parts.index("zoneinfo") + 1 :]))
    except OSError:
        pass
    for name in candidates:
        try:
            if name:
                ZoneInfo(name)
                return name
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return "UTC"


def peek(*names: str, env_file: Path = Path(".env")) -> dict[str, str]:
    """The values of `names` (upper case) as Settings would read them."""
    wanted = {name.upper() for name in names}
    found: dict[str, str] = {}
    if env_file.is_file():
        from dotenv import dotenv_values

        for key, value in dotenv_values(env_file).items():
            if key.upper() in wanted and value:
                found[key.upper()] = value
    for key, value in os.environ.items():
        if key.upper() in wanted and value:
            found[key.upper()] = value
    return found
