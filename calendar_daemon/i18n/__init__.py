"""The one translation catalog (zh-CN and en): vocabulary labels, page texts and alert phrases."""
