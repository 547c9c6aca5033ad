"""The Block Kit checker fails on what Slack would refuse (so passing it means something)."""

from __future__ import annotations

from slackfake.blockkit import check_payload


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
