"""Words of two kinds of event that start on a day without a release verb: a rule that changes from that day on
("基本工资今起调涨为…", "From July 1, Queensland will ban single-use plastic bags"), and an exchange that closes
("Bursa Malaysia will close for trading on Friday"). The classifier counts both as event words and names their
category; the title composer reads the closure."""

from __future__ import annotations

# a rule changed from a day on ("今起从2万元调涨为2.2万元", "1月1日起扩大限制塑胶袋使用范围"), new rules going live ("新制上路")
RULE_CHANGE = (r"(?:今|日|天|月)起[^,，;；。]{0,16}?(?:调涨|调降|调高|调低|上调|下调|提高|降低|扩大|缩短|延长|取消|放宽|纳入|列为|改为|降为|增为|"
               r"禁止)|新制[^,，;；。]{0,8}?上路|"
               # "From July 1, Queensland will ban single-use plastic bags", "from 1 October the fee will rise"
               r"\b(?:from|starting|beginning|as of) (?:[a-z]+\.? \d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)? [a-z]+),?[^.;]{0,80}?"
               r"\b(?:will|to) (?:ban|rise|increase|decrease|fall|drop|replace|change|be (?:banned|cut|raised|increased|reduced|"
               r"replaced|abolished|introduced))\b|"
               # a rule that applies from a day: "the new rates will be applicable from October 1", "comes into force on"
               r"\b(?:applicable|in force|implemented|enforced) (?:from|on|starting|with effect from)\b|\bcomes? into (?:force|effect)\b|"
               r"\bapply from\b")
# an exchange that shuts for a day: "Bursa Malaysia will close for trading on Friday", "the exchange will again close on …"
EXCHANGE_CLOSES = (r"\b(?:exchange|bourse|Bursa(?: Malaysia)?|NYSE|Nasdaq|SGX|HKEX|ASX|TSE|stock market|markets?)\b[^.;]{0,40}?"
                   r"\bwill (?:again |also )?close\b(?! (?:at|higher|lower|up|down)\b)")
