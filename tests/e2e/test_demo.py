"""`cobro demo`: the real bot in a terminal against a fake Slack, with sample data. The
scripted story runs the week a collections team lives: the morning digest, a call logged
(refused first, then with an excuse and a promise), the promise broken and said so in the
thread of the confirmation, the escalation, the weekly report."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import matplotlib.image as mpimg
import pytest

from demo.session import REFUSED

COBRO = str(Path(sys.executable).parent / "cobro")
STORY = Path(__file__).resolve().parents[2] / "demo" / "scripts" / "historia.txt"


def _demo(tmp_path: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [COBRO, "demo", "--workdir", str(tmp_path / "demo"), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert REFUSED not in done.stdout, "the demo's bot sent what Slack would refuse"
    return done


def test_the_scripted_story(tmp_path: Path) -> None:
    done = _demo(tmp_path, "--script", str(STORY), "--now", "2026-11-23T07:00")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    steps = [
        "⏩ lunes 23 de noviembre de 2026, 08:00",
        "Tus llamadas del 23 nov 2026",  # the morning digest
        "Ferretería López · C-1001",  # the customer card
        "✗ ¿Por qué no ha pagado?: ¿Por qué no ha pagado? Escribe la razón",  # a bad note
        "💡 Próximo paso: ¿qué harás?: Llamar para saber si el pago ya fue aprobado",
        "✅ Llamada a Ferretería López registrada",
        "Plan de pagos: 2 cuotas, $53,450.00 en total · Transferencia",  # "y el resto…"
        "• Cuota 1: $20,000.00 el martes 24 de noviembre",
        "• Cuota 2: $33,450.00 el lunes 30 de noviembre",
        "↳ en el hilo de la confirmación",  # the broken promise, in the call's thread
        "Promesa incumplida: Ferretería López prometió $20,000.00",
        "Ahora eres Sara Jiménez.",
        "🚨 Escalamiento: una tarea de Ana Pérez lleva 2 días hábiles vencida",  # an escalation, once
        "Control semanal · 23 nov 2026 – 29 nov 2026",  # the weekly report
        "Control de cobranza · 30 nov 2026 – 30 nov 2026",  # /cobro reporte semana
    ]
    position = 0
    for step in steps:
        found = out.find(step, position)
        assert found >= 0, f"missing, or out of order: {step!r}"
        position = found
    assert "Traceback" not in out + done.stderr
    # named after what they hold: the whole team's control of 23–29 November
    charts = sorted(
        (tmp_path / "demo" / "archivos").glob("control-equipo-2026-11-23-2026-11-29-*.png")
    )
    assert len(charts) == 4
    for chart in charts:
        assert mpimg.imread(chart).shape[1] > 400


def test_the_interactive_demo_reads_the_keyboard(tmp_path: Path) -> None:
    typed = "/cobro ayuda\n:como @luis\n/cobro tareas\n:salir\n"
    done = _demo(tmp_path, "--now", "2026-11-23T08:00", stdin=typed)
    assert done.returncode == 0, done.stderr
    assert "Cómo usar cobro" in done.stdout
    assert "Ahora eres Luis Gómez." in done.stdout
    assert "Traceback" not in done.stdout + done.stderr


@pytest.mark.parametrize("way", [[], ["--socket"]], ids=["http", "socket_mode"])
def test_a_modal_asked_field_by_field_shows_the_same_errors(tmp_path: Path, way: list) -> None:
    # outcome, contact, contact_name, contact_role, excuse, excuse_category, agreement, …
    fields = ["", "", "", "", "No hay pago", "", "", "", "", "", "", "", "", "", ""]
    typed = "/cobro llamada Ferretería López\n" + "\n".join(fields) + "\n" + "\n" * 20
    done = _demo(tmp_path, "--now", "2026-11-23T08:00", *way, stdin=typed + ":salir\n")
    assert done.returncode == 0, done.stderr
    assert ("por Socket Mode" in done.stdout) == bool(way)
    assert "✗ ¿Por qué no ha pagado?" in done.stdout


def test_a_script_reaches_fields_a_choice_brings_and_never_drops_a_line(tmp_path: Path) -> None:
    """Someone else answered: their name and role, asked once the outcome brings them;
    a plan's second installment through Añadir cuota; a field the modal does not have is
    refused, not dropped; a command typed while a modal is open cancels it and runs."""
    script = tmp_path / "s.txt"
    script.write_text(
        "\n".join(
            [
                "/cobro llamada C-1001",
                "outcome = Contestó otra persona",
                "contact_name = Jorge",
                "contact_role = Recepción",
                "agreement = La contadora regresa el lunes",
                ":guardar",
                ":guardar",  # the retry moved to the day named, said first: saved as shown
                "/cobro llamada C-1001",
                "excuse_category = Se le olvidó",
                "excuse = Se le olvidó programar la transferencia",
                "agreement = 20.000 mañana y el resto a fin de mes",
                "promise_amount = 20.000",
                "promise_date = mañana",
                "promise_amount_2 = 33,450",
                "promise_date_2 = fin de mes",
                ":guardar",
                "/cobro llamada C-1001",
                "monto del pago = 5",
                ":guardar",
                "/cobro llamada C-1001",
                "excuse = algo",
                "/cobro cliente C-1001",
                ":ir 2026-11-20 08:00",  # before the start: refused, the clock stays
            ]
        ),
        encoding="utf-8",
    )
    done = _demo(tmp_path, "--script", str(script), "--now", "2026-11-23T09:00")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "Contestó: Jorge (Recepción)" in out
    assert "cambié la fecha del próximo paso: lunes 30 de noviembre" in out
    assert "↳ Se registrará: martes 24 de noviembre" in out  # read back while typing
    assert "• Cuota 2: $33,450.00 el lunes 30 de noviembre" in out
    assert "✗ «monto del pago» no es un campo de este formulario" in out
    assert "✗ el formulario seguía abierto: se cancela sin guardar" in out
    assert "Jorge (Recepción)" in out.split("/cobro cliente C-1001")[-1]  # the command ran
    assert "La demo no vuelve atrás en el tiempo: ya es lunes 23 de noviembre de 2026" in out
    assert "⏩ viernes 20" not in out


def test_every_emoji_the_texts_use_is_drawn_in_the_terminal() -> None:
    """The terminal draws Slack's :codes: from a table; one missing is silently dropped
    (" Tus pendientes de hoy" without its 📋)."""
    import re

    from bot.core.i18n import catalog
    from demo.render import _EMOJI

    used: set[str] = set()
    for entry in catalog().values():
        for value in (entry["es"], entry["en"]):
            for text in value.values() if isinstance(value, dict) else [value]:
                used |= set(re.findall(r"(?<![\d:]):[a-z][a-z0-9_+-]*:(?![\d])", text))
    assert sorted(used - set(_EMOJI)) == []


def test_a_script_starts_the_morning_and_reads_back_the_amount_it_will_store(
    tmp_path: Path,
) -> None:
    """A script that does not move the clock still gets the first morning's digest, as at
    the keyboard; "20 mil" is read back under the amount once its date is there, as Slack
    shows it, named by its field."""
    script = tmp_path / "s.txt"
    script.write_text(
        "\n".join(
            [
                "/cobro llamada Papelería Escolar",
                "excuse = Esperan el pago de su cliente principal para tener liquidez",
                "excuse_category = No puede pagar (sin liquidez)",
                "agreement = Paga una parte el viernes",
                "promise_amount = 20 mil",
                "promise_date = el viernes",
                ":guardar",
            ]
        ),
        encoding="utf-8",
    )
    done = _demo(tmp_path, "--script", str(script), "--now", "2026-11-23T08:00")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.index("Tus llamadas del 23 nov 2026") < out.index("› /cobro llamada")
    assert "↳ Monto prometido (MXN): Se registrará: $20,000.00" in out
    assert "↳ Se registrará: viernes 27 de noviembre" in out
    modal = out[out.index("› /cobro llamada") :]
    assert modal.index("Se registrará: $20,000.00") < modal.index("viernes 27 de noviembre")


def test_a_time_before_a_colon_is_not_taken_for_an_emoji() -> None:
    """ "Pospuesta para viernes 27 de noviembre, 11:00: *Enviar…*" lost its ":00:" as an
    unknown :code: and read "11 Enviar…"."""
    from demo.render import emoji

    said = emoji(":zzz: Pospuesta para viernes 27 de noviembre, 11:00: *Enviar copia*")
    assert said == "💤 Pospuesta para viernes 27 de noviembre, 11:00: *Enviar copia*"
    assert emoji("a :no_such_code: b") == "a  b"  # an unknown code is still left out
