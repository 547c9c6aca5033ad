"""The Block Kit checker fails on what Slack would refuse (so passing it means something)."""

from __future__ import annotations

from slackfake.blockkit import check_ack, check_payload


def section(text: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def test_a_good_message_passes() -> None:
    assert check_payload("message", {"text": "hola", "blocks": [section("hola")]}) == []


def test_blocks_without_fallback_text_fail() -> None:
    assert check_payload("message", {"blocks": [section("hola")]}) == [
        "message has blocks but no fallback text"
    ]


def test_too_many_blocks_and_long_texts_fail() -> None:
    problems = check_payload("message", {"text": "x", "blocks": [section("x" * 3001)] * 51})
    assert "message has 51 blocks (max 50)" in problems
    assert any("3001 chars" in p for p in problems)
    header = {"type": "header", "text": {"type": "plain_text", "text": "h" * 151}}
    assert check_payload("message", {"text": "x", "blocks": [header]}) == [
        "header is 151 chars (max 150)"
    ]


def test_view_limits_fail() -> None:
    option = {"text": {"type": "plain_text", "text": "o" * 76}, "value": "v"}
    view = {
        "type": "modal",
        "title": {"type": "plain_text", "text": "Registrar gestión de cobro"},
        "private_metadata": "m" * 3001,
        "blocks": [
            {
                "type": "input",
                "block_id": "b" * 256,
                "label": {"type": "plain_text", "text": "L"},
                "element": {"type": "static_select", "action_id": "a", "options": [option]},
            }
        ]
        * 101,
    }
    problems = set(check_payload("view", view))
    assert "view has 101 blocks (max 100)" in problems
    assert any(p.startswith("view title") for p in problems)
    assert "view private_metadata over 3000 chars" in problems
    assert "block_id over 255 chars in input" in problems
    assert any("over 75 chars" in p for p in problems)


def test_an_initial_option_must_be_one_of_the_options() -> None:
    a = {"text": {"type": "plain_text", "text": "A"}, "value": "a"}
    b = {"text": {"type": "plain_text", "text": "B"}, "value": "b"}
    view = {
        "type": "modal",
        "title": {"type": "plain_text", "text": "T"},
        "blocks": [
            {
                "type": "input",
                "block_id": "x",
                "label": {"type": "plain_text", "text": "X"},
                "element": {
                    "type": "static_select",
                    "action_id": "x",
                    "options": [a],
                    "initial_option": b,
                },
            }
        ],
    }
    assert check_payload("view", view) == ["initial_option of 'x' is not one of its options"]


def test_ids_must_be_unique_and_titles_plain_text() -> None:
    button = {"type": "button", "action_id": "a", "text": {"type": "plain_text", "text": "A"}}
    blocks = [
        {"type": "actions", "block_id": "x", "elements": [button, button]},
        {"type": "header", "block_id": "x", "text": {"type": "mrkdwn", "text": "*h*"}},
    ]
    assert check_payload("message", {"text": "t", "blocks": blocks}) == [
        "an action_id used twice in one actions block",
        "block_id 'x' used twice",
        "header text must be plain_text",
    ]


def test_an_ack_is_checked_as_what_it_answers() -> None:
    title = {"type": "plain_text", "text": "Un título demasiado largo"}
    pushed = {"response_action": "push", "view": {"type": "modal", "title": title}}
    assert check_ack(pushed) == ["view title 'Un título demasiado largo' is 25 chars (max 24)"]
    assert check_ack({"response_action": "errors", "errors": {}}) == [
        "response_action errors without any field error"
    ]
    assert check_ack({"response_action": "errors", "errors": {"excuse": "¿Por qué?"}}) == []
    assert check_ack({"blocks": [section("hola")]}) == ["message has blocks but no fallback text"]
