from typing import Any

TEXTS: dict[str, dict[str, Any]] = {
    "dates.unreadable": {
        "es": "no entendí una fecha en «{text}»; escribe por ejemplo «el viernes», «mañana a las 10», «el 15 de diciembre» o «en 3 días»",
        "en": "I couldn't read a date in “{text}”; write e.g. “friday”, “tomorrow at 10am”, “December 15” or “in 3 days”",
    },
    "dates.bare_number": {
        "es": "«{text}» es solo un número; escribe «el {text}» para el próximo día {text}, o la fecha completa (15/12/2026)",
        "en": "“{text}” is just a number; write “the {text}th” for the next day {text}, or the full date (15/12/2026)",
    },
    "dates.invalid_day": {
        "es": "{month_name} no tiene día {day}",
        "en": "{month_name} has no day {day}",
    },
    "dates.invalid_month": {"es": "no existe el mes {month}", "en": "there is no month {month}"},
    "dates.invalid_time": {
        "es": "la hora {hour}:{minute:02d} no existe",
        "en": "the time {hour}:{minute:02d} does not exist",
    },
    "dates.ambiguous": {
        "es": "leí dos fechas distintas ({first} y {second}); escribe solo una",
        "en": "I read two different dates ({first} and {second}); write just one",
    },
    "dates.ambiguous_time": {
        "es": "leí dos horas distintas; escribe solo una",
        "en": "I read two different times; write just one",
    },
    "dates.weekend_vague": {
        "es": "«el fin de semana» no es un día; di «el sábado» o «el domingo»",
        "en": "“the weekend” is not a day; say “saturday” or “sunday”",
    },
    "dates.too_far": {
        "es": "{when} está a más de {years} años: revisa el año",
        "en": "{when} is more than {years} years away: check the year",
    },
    "dates.past": {
        "es": "{when} ya pasó; escribe una fecha futura",
        "en": "{when} is in the past; write a future date",
    },
    "dates.read_as": {"es": "Entendí: {when}", "en": "Read as: {when}"},
    "dates.not_business_day": {
        "es": "{when} no es día hábil",
        "en": "{when} is not a business day",
    },
    "dates.weekday_mismatch": {
        "es": "el {day_words} no es {weekday}; revisa el día o el número",
        "en": "{day_words} is not a {weekday}; check the day or the number",
    },
    "dates.range": {
        "es": "es un rango de días; escribe un solo día (el último en que paga, por ejemplo)",
        "en": "that is a range of days; write a single day (the last day they will pay, say)",
    },
}
