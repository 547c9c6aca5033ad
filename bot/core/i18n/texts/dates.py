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
        "es": "es un rango; escribe un solo día y una sola hora (el último día en que paga, por ejemplo)",
        "en": "that is a range; write a single day and a single time (the last day they will pay, say)",
    },
}
TEXTS.update(
    {
        "dates.leftover": {
            "es": "no sé qué significa «{words}» en «{text}»; escribe solo la fecha, por ejemplo «el viernes», «el 15 de diciembre» o «en 3 días»",
            "en": "I don't know what “{words}” means in “{text}”; write just the date, e.g. “friday”, “December 15” or “in 3 days”",
        },
        "dates.did_you_mean": {
            "es": "¿quisiste decir «{suggestion}»?",
            "en": "did you mean “{suggestion}”?",
        },
        "dates.recurring": {
            "es": "es una fecha que se repite; para varios pagos registra un plan de pagos",
            "en": "that date repeats; for several payments record a payment plan",
        },
        "dates.not_a_day": {
            "es": "«{text}» no es un día; escribe cuándo, por ejemplo «hoy a las 5», «mañana» o «el viernes»",
            "en": "“{text}” is not a day; write when, e.g. “today at 5pm”, “tomorrow” or “friday”",
        },
        "dates.month_only": {
            "es": "{month_name} es un mes, no un día; escribe por ejemplo «el 15 de {month_name}» o «a fin de {month_name}»",
            "en": "{month_name} is a month, not a day; write e.g. “{month_name} 15” or “end of {month_name}”",
        },
        "dates.week_only": {
            "es": "«{text}» es una semana, no un día; escribe qué día, por ejemplo «el lunes de la semana pasada»",
            "en": "“{text}” is a week, not a day; write which day, e.g. “monday last week”",
        },
        "dates.date_or_time": {
            "es": "«{text}» puede ser el {day_words} o las {time}; escribe «el {day_words}» o «a las {time}»",
            "en": "“{text}” could be {day_words} or {time}; write “{day_words}” or “at {time}”",
        },
        "dates.twelve": {
            "es": "no sé si son las 12 del mediodía o de la medianoche; escribe «12:00» o «00:00»",
            "en": "I can't tell noon from midnight; write “12:00” or “00:00”",
        },
        "dates.no_such_weekday": {
            "es": "{month_name} de {year} no tiene quinto {weekday}",
            "en": "{month_name} {year} has no fifth {weekday}",
        },
    }
)
