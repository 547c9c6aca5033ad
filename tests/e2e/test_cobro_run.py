"""`cobro run` as people run it: a real process, configured by its environment."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

from slackfake import FakeSlack, SlackSender
from slackfake.sender import Reply, SocketSender
from tests.waiting import wait_until

COBRO = str(Path(sys.executable).parent / "cobro")


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "COBRO_"))}
    env.update(
        {"DATABASE_URL": f"sqlite:///{tmp_path / 'run.db'}", "COBRO_TIMEZONE": "America/Bogota"}
    )
    env.update(extra)
    return env


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_run_without_a_token_explains_how_to_get_one(tmp_path: Path) -> None:
    result = subprocess.run(
        [COBRO, "run"], env=_env(tmp_path), capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    assert result.returncode == 2
    assert "Falta SLACK_BOT_TOKEN" in result.stderr
    assert "manifest.yml" in result.stderr
    assert "Traceback" not in result.stderr


def test_run_in_english_when_the_team_language_is_english(tmp_path: Path) -> None:
    result = subprocess.run(
        [COBRO, "run"],
        env=_env(tmp_path, COBRO_LANGUAGE="en"),
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert result.returncode == 2
    assert "SLACK_BOT_TOKEN is missing" in result.stderr


def test_an_invalid_setting_is_named_and_secrets_are_not_shown(tmp_path: Path) -> None:
    env = _env(
        tmp_path, SLACK_BOT_TOKEN="xoxb-very-secret-value", PORT="tres mil", COBRO_COUNTRY="XX"
    )
    result = subprocess.run(
        [COBRO, "run"], env=env, capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    assert result.returncode == 2
    assert "PORT" in result.stderr
    assert "COBRO_COUNTRY" in result.stderr
    assert "xoxb-very-secret-value" not in result.stderr + result.stdout


def test_a_token_slack_refuses_is_reported_without_the_token(tmp_path: Path) -> None:
    with FakeSlack() as fake:
        fake.fail("auth.test", error="invalid_auth")
        env = _env(
            tmp_path,
            SLACK_BOT_TOKEN="xoxb-wrong-secret",
            SLACK_SIGNING_SECRET="s3cret",
            SLACK_API_URL=fake.api_url,
        )
        result = subprocess.run(
            [COBRO, "run"], env=env, capture_output=True, text=True, cwd=tmp_path, timeout=60
        )
    assert result.returncode == 2
    assert "invalid_auth" in result.stderr
    assert "xoxb-wrong-secret" not in result.stderr


def test_run_serves_slash_commands_over_http(tmp_path: Path) -> None:
    with FakeSlack() as fake:
        port = _free_port()
        env = _env(
            tmp_path,
            SLACK_BOT_TOKEN="xoxb-run-test",
            SLACK_SIGNING_SECRET="run-secret",
            SLACK_API_URL=fake.api_url,
            PORT=str(port),
        )
        subprocess.run(
            [COBRO, "team", "add", "U0ANA", "--role", "collector", "--name", "Ana"],
            env={k: v for k, v in env.items() if k != "SLACK_BOT_TOKEN"},  # offline
            check=True,
            capture_output=True,
            cwd=tmp_path,
            timeout=60,
        )
        process = subprocess.Popen(
            [COBRO, "run"], env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        try:
            sender = SlackSender(f"http://127.0.0.1:{port}/slack/events", "run-secret", fake=fake)

            def answered() -> Reply | None:
                try:
                    return sender.command("U0ANA", "ayuda")
                except OSError:  # not listening yet
                    return None

            reply = wait_until(answered, timeout=10, what="cobro run to answer")
            assert reply.status == 200
            assert "Cómo usar cobro" in reply.text()
        finally:
            process.terminate()
            output = process.communicate(timeout=10)[0].decode()
    assert "xoxb-run-test" not in output
    assert "run-secret" not in output


def _add_ana(env: dict[str, str], tmp_path: Path) -> None:
    subprocess.run(
        [COBRO, "team", "add", "U0ANA", "--role", "collector", "--name", "Ana"],
        env={k: v for k, v in env.items() if k != "SLACK_BOT_TOKEN"},  # offline
        check=True,
        capture_output=True,
        cwd=tmp_path,
        timeout=60,
    )


def test_run_in_socket_mode_answers_reconnects_and_stops_on_sigterm(tmp_path: Path) -> None:
    with FakeSlack() as fake:
        env = _env(
            tmp_path,
            SLACK_BOT_TOKEN="xoxb-run-test",
            SLACK_APP_TOKEN="xapp-1-run-secret",
            SLACK_API_URL=fake.api_url,
        )
        _add_ana(env, tmp_path)
        process = subprocess.Popen(
            [COBRO, "run"], env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        try:
            server, slack = fake.socket, SocketSender(fake)
            server.wait_links(1, timeout=30)  # started, and connected with the app token
            assert "Cómo usar cobro" in slack.command("U0ANA", "ayuda").text()
            server.disconnect("refresh_requested")
            server.wait_links(2)
            assert "Cómo usar cobro" in slack.command("U0ANA", "ayuda").text()  # acked in 3 s
            server.drop()
            server.wait_links(3)
            assert "Cómo usar cobro" in slack.command("U0ANA", "ayuda").text()
            (last,) = server.open_links()
            process.send_signal(signal.SIGTERM)
            output = process.communicate(timeout=20)[0].decode()
        finally:
            if process.poll() is None:
                process.kill()
        assert process.returncode == 0, output
        assert server.wait_closed(last).close_code == 1000  # a goodbye, not a dropped socket
    assert "Traceback" not in output, output
    assert "xapp-1-run-secret" not in output and "xoxb-run-test" not in output


def test_run_with_a_token_socket_mode_refuses_says_which(tmp_path: Path) -> None:
    with FakeSlack() as fake:
        env = _env(
            tmp_path,
            SLACK_BOT_TOKEN="xoxb-run-test",
            SLACK_APP_TOKEN="xoxb-pasted-by-mistake",
            SLACK_API_URL=fake.api_url,
        )
        result = subprocess.run(
            [COBRO, "run"], env=env, capture_output=True, text=True, cwd=tmp_path, timeout=60
        )
    assert result.returncode == 2
    assert "SLACK_APP_TOKEN" in result.stderr and "invalid_auth" in result.stderr
    assert "xoxb-pasted-by-mistake" not in result.stderr + result.stdout
