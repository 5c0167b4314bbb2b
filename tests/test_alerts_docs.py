"""docs/alerts.md: its TOML examples are valid configurations, its URL shapes work in apprise, README links it."""

from __future__ import annotations

import re
import tomllib

import pytest

from calendar_daemon.alerts.delivery.notifier import resolve_channels
from calendar_daemon.config.settings import parse_config
from tests.helpers import REPO_ROOT

DOC = REPO_ROOT / "docs" / "alerts.md"
FENCE = re.compile(r"^```(\w+)\n(.*?)^```$", re.M | re.S)


def blocks(language: str) -> list[str]:
    return [body for lang, body in FENCE.findall(DOC.read_text(encoding="utf-8")) if lang == language]


def example_secrets() -> dict[str, str]:
    secrets = {}
    for block in blocks("dotenv"):
        for line in block.splitlines():
            if line and not line.startswith("#"):
                name, _, value = line.partition("=")
                secrets[name] = value.strip('"')
    return secrets


def test_the_example_secrets_cover_dingtalk_wecom_feishu_telegram_and_email() -> None:
    secrets = example_secrets()
    assert set(secrets) == {"DINGTALK_URL", "WECOM_URL", "FEISHU_URL", "TELEGRAM_URL", "SMTP_URL"}
    assert [secrets[n].split("://")[0] for n in sorted(secrets)] == ["dingtalk", "feishu", "mailtos", "tgram", "wecombot"]


@pytest.mark.parametrize("index", range(len(blocks("toml"))))
def test_each_toml_example_is_a_valid_config_with_working_channel_urls(index: int, monkeypatch: pytest.MonkeyPatch) -> None:
    toml_blocks = blocks("toml")
    for name, value in example_secrets().items():
        monkeypatch.setenv(name, value)
    block = toml_blocks[index]
    text = block
    if "[[channels]]" not in block:  # rule examples use the channels defined in the channel example
        text = next(b for b in toml_blocks if "[[channels]]" in b) + "\n" + block
    config = parse_config(tomllib.loads(text), f"docs/alerts.md block {index + 1}")
    resolved = resolve_channels(config)  # apprise understands every documented URL shape
    assert {c.name for c in resolved} == {c.name for c in config.channels}
    for channel in resolved:
        assert all(part not in channel.display for part in ("SECabc123", "AAHdqTcv", "app-password", "9a2f6c1e"))


def test_there_are_channel_rule_and_digest_examples() -> None:
    toml_blocks = blocks("toml")
    assert len(toml_blocks) >= 3
    joined = "\n".join(toml_blocks)
    for key in ("[[channels]]", "[[alert_rules]]", "before = ", "days_before = ", "digest_daily = true",
                "digest_weekly = true"):
        assert key in joined, key


def test_readme_links_the_alerts_docs() -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Alerts", 1)[1].split("\n## ", 1)[0]
    assert "(docs/alerts.md)" in section
