"""Temporal expressions: where an English text says *when*, and what that is as a TIMEX3 value.

In: one text and, optionally, its document date (the anchor: "YYYY-MM-DD", "YYYY-MM" or "YYYY").
Out: ``find_timexes(text, anchor)``, every temporal expression with its offsets into ``text`` and a
TIMEX3 value ("2013-11-02", "2013-02", "196X", "2018-Q1", "P2Y", "PRESENT_REF", ...), the relative
ones ("last year", "on Monday", "a year earlier") resolved against the anchor, as :class:`Timex`.
Must not touch: anything but its arguments. Each call is independent (its reading state is private
to it); there is no model and no file but the word tables read once at import.

How, and why this way:

* A table of rules (``_RULES``, in :mod:`.rules`), each one compiled regular expression run once
  over the text with ``finditer``; every guard looks at a bounded window around its match. The cost
  is linear in the length of the text, whatever it holds.
* Overlapping candidates are settled longest-first ("November 2, 2013" beats "2013"), then each
  survivor may take a modifier written just before or after it ("early", "the end of", "around",
  "or later"), which becomes the TIMEX3 ``mod`` and part of the span, as TimeML annotates it.
* Values are computed in reading order, because some depend on what came before: "a year
  earlier" shifts the last date mentioned, "the year-earlier quarter" the last quarter, and
  "on May 20" without an anchor takes the nearest year stated in the text.
* There is no part-of-speech tagger, so tense comes from a few words in the clause ("will",
  "since", "was", a past verb right before the date). It decides which side of the anchor a bare
  "Friday", "March" or "May 20" falls on; without a clue, news reports the past.
* Spans follow TimeML/TimeBank: prepositions stay out ("in 2005" tags "2005"), determiners and
  modifiers stay in ("the 1990s", "early 2014", "the past two years"). Ranges are the exception:
  "from 2018 to 2022" is one expression with ``end_value``, because a timeline wants the period.
* A number is a year only where nothing says it is something else: not inside a larger number,
  an amount, a code ("S-400", "Joint Sea-2017"), an issue number or a name ("Expo 2010"), and not
  followed by a counted noun ("2000 troops"). Years before 1800 also need a word that makes them
  years ("in 1492").

``precision`` takes the values listed on :class:`Timex`, plus "week", "half" and "time", which
"last week", "the first half of 2019" and "3 p.m." need. Decades are written "196X" and
centuries "19" (the 20th century).

The modules, in the order they build on each other:

* :mod:`.lexicon`: the word tables (from ``build_docs/data/timex/``) and the pattern pieces made of them;
* :mod:`.numbers`: numbers written in words or digits;
* :mod:`.values`: the anchor and TIMEX3 value arithmetic (shift, relative, period, precision);
* :mod:`.reading`: what a meaning function gets (the reading state, the tense) and returns;
* :mod:`.durations`, :mod:`.dates`, :mod:`.relative`: what each rule's match means, and whether to keep it;
* :mod:`.rules`: the rule table;
* :mod:`.tagger`: :func:`find_timexes`, choosing among candidates, modifiers and certainty.

Names with a leading underscore are private to the package: its modules share them, nothing outside
should import them.
"""

from __future__ import annotations

from build_docs.extract.timex.lexicon import MONTHS as MONTHS
from build_docs.extract.timex.lexicon import SEASONS as SEASONS
from build_docs.extract.timex.lexicon import WEEKDAYS as WEEKDAYS
from build_docs.extract.timex.tagger import Timex, find_timexes

__all__ = ["Timex", "find_timexes"]
