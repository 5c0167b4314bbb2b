#!/usr/bin/env node
// Test-only reader: parse an iCalendar file with Mozilla's ical.js and print every VEVENT
// as normalized JSON so the Python test suite can compare it with other parsers.
//
// Usage: node read.mjs [PATH]        (reads stdin when PATH is absent or "-")
//
// Output: a JSON list, in file order, of
//   {"uid": str|null, "summary": str|null, "allday": bool, "start": str, "end": str|null}
// Timed values are UTC instants "2026-01-28T19:00:00Z"; floating (zone-less) times are
// printed without the "Z"; all-day values are ISO dates "2026-01-26". "end" is DTEND as in
// the file (exclusive), else DTSTART + DURATION, else null.
//
// Exit codes: 0 ok, 2 usage/IO error, 3 the calendar cannot be read faithfully
// (parse error, TZID without a VTIMEZONE definition, ...).

import { readFileSync } from "node:fs";
import ICAL from "ical.js";

class ReadError extends Error {}

function pad(n, width = 2) {
  return String(n).padStart(width, "0");
}

function formatDate(t) {
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;
}

function formatWall(t) {
  return `${formatDate(t)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`;
}

function isFloating(t) {
  return t.zone === ICAL.Timezone.localTimezone || t.zone?.tzid === "floating";
}

// Fail loudly instead of letting ical.js silently fall back to floating time.
function checkZone(vevent, propName) {
  const prop = vevent.getFirstProperty(propName);
  if (!prop) {
    return;
  }
  const tzid = prop.getParameter("tzid");
  if (tzid && !ICAL.TimezoneService.has(tzid)) {
    throw new ReadError(
      `${propName.toUpperCase()} uses TZID=${tzid} but the calendar has no VTIMEZONE for it`
    );
  }
}

function formatTime(t) {
  if (t.isDate) {
    return formatDate(t);
  }
  if (isFloating(t)) {
    return formatWall(t);
  }
  const utc = t.convertToZone(ICAL.Timezone.utcTimezone);
  return `${formatWall(utc)}Z`;
}

function readEvent(vevent) {
  const event = new ICAL.Event(vevent);
  const start = event.startDate;
  // Event.endDate invents an end (start + 1 day / start) when the file has none; we report null.
  const hasEnd = vevent.hasProperty("dtend") || vevent.hasProperty("duration");
  return {
    uid: event.uid ?? null,
    summary: event.summary ?? null,
    allday: start.isDate,
    start: formatTime(start),
    end: hasEnd ? formatTime(event.endDate) : null,
  };
}

function readEvents(text) {
  let root;
  try {
    root = new ICAL.Component(ICAL.parse(text));
  } catch (err) {
    throw new ReadError(`ical.js could not parse the calendar: ${err.message}`);
  }
  if (root.name !== "vcalendar") {
    throw new ReadError(`top-level component is ${root.name}, expected vcalendar`);
  }
  for (const vtz of root.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(vtz);
  }
  const out = [];
  for (const vevent of root.getAllSubcomponents("vevent")) {
    if (!vevent.hasProperty("dtstart")) {
      throw new ReadError(`VEVENT ${vevent.getFirstPropertyValue("uid")} has no DTSTART`);
    }
    checkZone(vevent, "dtstart");
    checkZone(vevent, "dtend");
    try {
      out.push(readEvent(vevent));
    } catch (err) {
      throw new ReadError(
        `VEVENT ${vevent.getFirstPropertyValue("uid")}: ical.js could not read it: ${err.message}`
      );
    }
  }
  return out;
}

function main(argv) {
  if (argv.length > 1) {
    process.stderr.write("usage: node read.mjs [PATH|-]\n");
    return 2;
  }
  const path = argv.length === 1 && argv[0] !== "-" ? argv[0] : 0; // 0 = stdin fd
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    process.stderr.write(`cannot read ${path === 0 ? "stdin" : path}: ${err.message}\n`);
    return 2;
  }
  try {
    process.stdout.write(JSON.stringify(readEvents(text), null, 1) + "\n");
  } catch (err) {
    if (err instanceof ReadError) {
      process.stderr.write(`read.mjs: ${err.message}\n`);
      return 3;
    }
    throw err;
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
