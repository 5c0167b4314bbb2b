"""The one translation catalog (zh-CN and en) for the web page, alerts, digests and the CLI: vocabulary
labels (``labels``), page texts (``page``) and alert phrases (``phrases``)."""
