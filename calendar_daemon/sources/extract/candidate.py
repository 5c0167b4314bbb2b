"""What the extractor proposes: one dated event found in an article."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Candidate:
    title: str
    category: str
    region: str
    importance: int
    start: str
    end: str | None
    precision: str
    timezone: str
    entities: list[str] = field(default_factory=list)
    evidence: str = ""
    confidence: float = 0.5
    fiscal: bool = False
    rescheduled_from: str | None = None  # the date the article says the event was moved from
    mentions: list[str] = field(default_factory=list)  # other phrases of this article naming the same event
    release: str | None = None  # the gazetteer's id of the recurring release it is, when the text names one
    learned: bool = False  # kept by the learned gate alone, not by the rules

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        del data["release"]  # internal: keeps two releases of one day apart while the article is read
        del data["learned"]  # internal: a second guess gives way to the rules' candidate of its day
        return data
