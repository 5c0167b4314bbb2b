"""The one translation catalog (zh-CN and en) for the web page, alerts, digests and the CLI: vocabulary
labels (``labels``), page texts (``web``) and alert phrases (``alerts``)."""
