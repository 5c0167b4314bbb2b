"""The translation catalog: every word of the vocabulary in every locale, one label per word everywhere."""

from __future__ import annotations

import re
from datetime import date

from calendar_daemon.domain.periods import Precision
from calendar_daemon.domain.vocabulary import CATEGORIES, STATUSES
from calendar_daemon.i18n import labels
from calendar_daemon.i18n.page import texts
from calendar_daemon.i18n.phrases import PHRASES, t
from tests.helpers import REPO_ROOT


def test_every_locale_has_every_word() -> None:
    for locale in labels.LOCALES:
        assert set(labels.CATEGORY_LABELS[locale]) == set(CATEGORIES)
        assert set(labels.STATUS_LABELS[locale]) == set(STATUSES)
        assert set(labels.PRECISION_LABELS[locale]) == {p.value for p in Precision}
        assert len(labels.weekday_names(locale)) == 7
        assert set(PHRASES[locale]) == set(PHRASES["en"])
        assert set(texts(locale)) == set(texts("en"))


def test_page_and_alerts_share_the_vocabulary_labels() -> None:
    assert labels.category_label("bond", "en") == "Bonds" and labels.category_label("ipo", "zh-CN") == "新股"
    for locale in labels.LOCALES:
        page = texts(locale)
        assert all(page[status] == labels.status_label(status, locale) for status in STATUSES)
        assert page["all_day"] == labels.all_day(locale)


def test_unknown_locale_falls_back_to_english() -> None:
    assert labels.category_label("bond", "fr") == "Bonds"
    assert t("fr", "more", n=3) == "... and 3 more"
    assert texts("fr")["title"] == "Market calendar"
    assert labels.pick_locale("zh-TW", "en") == "zh-CN" and labels.pick_locale(None, "fr") == "zh-CN"
    assert labels.period_text(Precision.QUARTER, date(2026, 4, 1), None, "zh-CN") == "2026年第二季度"


def test_no_page_text_key_is_shadowed_by_a_dict_method() -> None:
    """Jinja resolves ``t.clear`` to ``dict.clear`` before the key; every key a template uses must be plain."""
    templates = REPO_ROOT / "calendar_daemon" / "web" / "templates"
    used = {m for path in templates.glob("*.html") for m in re.findall(r"\bt\.(\w+)", path.read_text(encoding="utf-8"))}
    for locale in ("en", "zh-CN"):
        keys = set(texts(locale))
        assert not keys & set(dir(dict)), f"page text keys named like dict attributes ({locale})"
        assert used <= keys, f"templates use keys the {locale} catalog lacks: {sorted(used - keys)}"


def test_alert_leads_read_in_words_in_each_language() -> None:
    from calendar_daemon.i18n.terms import duration_words

    assert [duration_words(lead, "zh-CN") for lead in ("10m", "1h30m", "1d")] == ["10分钟", "1小时30分钟", "1天"]
    assert [duration_words(lead, "en") for lead in ("10m", "1h30m", "1d", "2d")] == [
        "10 minutes", "1 hour 30 minutes", "1 day", "2 days",
    ]
    assert duration_words("d-1@09:00", "en") == "d-1@09:00"  # not a duration: left to lead_text
