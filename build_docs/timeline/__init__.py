"""Stage 5, dated statements → :class:`~build_docs.timeline.events.Event`.

In: the articles, the dates extraction found in each paragraph, and the links
(to name the entities in each statement). Out: events, each quoting its source's
sentence or clause and citing its paragraph, merged across articles, with
disagreements between sources flagged (:mod:`.events`).

Must not touch: the wording. An event's text is the source's, never a paraphrase;
a date worked out rather than stated is marked as inferred.
"""
