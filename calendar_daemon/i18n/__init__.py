"""The words users read, in zh-CN and en, from one catalog: labels, dates and message phrases."""
