"""Finding the mentions of people in a document, the way a copy editor finds them.

Mentions come from spaCy's PERSON entities and from the cues editors rely on: a title or honorific
before a capitalised word, and an attribution ("said X", "X said"); once a story has introduced a
full name, a lone surname (or a word a slip away from it) is a second reference to that person.
The model's labels come in as :class:`Entity` values, from whatever pieces of the text were parsed.
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ._candidates import CAPITALISED_WORD, lowercase_words
from ._name_parts import (
    Mention,
    NamePart,
    is_romanised_given,
    is_suffix,
    mention_from_parts,
    name_parts,
    spelling,
    strippable_words,
    title_words,
    without_possessive,
    word_list,
)
from ._names_variants import VariantIndex, fold

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newslint.document import Document

_ATTRIBUTION_BEFORE = re.compile(r"\b(?:said|says|told|added|asked|explained|according to)[ \t]+(?=[A-Z])")
# "Glyn Davies said", "spokesman Glyn Davies said", "Davies said": the name run before the verb.
_ATTRIBUTION_AFTER = re.compile(
    r"\b((?:[A-Z][\w'’\-]*\.?[ \t]+){0,3}[A-Z][\w'’\-]+)[ \t]+(?:said|says|told|added|asked|explained)\b"
)
_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame)\.?[ \t]+$")
_TITLE_WORD_BEFORE = re.compile(r"\b([A-Z][a-z]{1,13})\.?[ \t]+$")
_TITLE_BEFORE = re.compile(r"\b([A-Z][a-z]{1,13})\.?[ \t]+(?=[A-Z])")
# A lowercase title or role before a capitalised word ("new coach Artur Borge").
_ROLE_BEFORE = re.compile(r"(?<![\w'’\-])([a-z]{2,14})[ \t]+(?=[A-Z])")
# Entity labels that show a capitalised word is not a person.
_NOT_PERSON_LABELS = frozenset({
    "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "DATE", "TIME",
})


class _Spans:
    """Character spans kept sorted by start, so that an overlap query is a bisection, not a scan.

    A long story has thousands of mentions and entities; scanning them all for each new mention
    made finding mentions quadratic.
    """

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._longest = 0
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        index = bisect.bisect_right(self._starts, start)
        self._starts.insert(index, start)
        self._ends.insert(index, end)
        self._longest = max(self._longest, end - start)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any span shares a character with ``start..end``."""
        # A span that overlaps starts before ``end`` and, being no longer than the longest, after
        # ``start - longest``.
        low = bisect.bisect_right(self._starts, start - self._longest)
        high = bisect.bisect_left(self._starts, end)
        return any(self._ends[i] > start for i in range(low, high))


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity the model found: ``text[start:end]`` of the document, with its label.

    ``several_words`` says the entity has more than one capitalised word besides titles ("Menger
    Foundation", not "Ms Wolthuzen", "Wolthuzen's" or "Clemens' 28").
    """

    start: int
    end: int
    label: str
    text: str
    several_words: bool


def entities(doc: "Doc", offset: int = 0) -> Iterator[Entity]:
    """The entities of a Doc parsed from the document text at ``offset``, in document offsets."""
    titles = title_words()
    for entity in doc.ents:
        tokens = list(entity)
        if entity.label_ != "PERSON":
            # "Quell's Harbour Alliance": the label is the thing's, not its possessor's.
            possessive = next((i for i, t in enumerate(tokens[:-1]) if t.text in ("'s", "’s")), None)
            if possessive is not None:
                tokens = tokens[possessive + 1 :]
        start = tokens[0].idx
        written = doc.text[start : entity.end_char]
        # Words between spaces: "Ribeiro-Costa" is one word, though the tagger cuts it in three.
        words = [w for w in written.split() if w[:1].isupper() and fold(w.rstrip(".")) not in titles]
        yield Entity(start + offset, entity.end_char + offset, entity.label_, written, len(words) > 1)


def _ner_mentions(found: Sequence[Entity], text: str) -> Iterator[Mention]:
    labels: dict[str, list[str]] = {}
    for entity in found:
        labels.setdefault(entity.text, []).append(entity.label)
    for entity in found:
        if entity.label != "PERSON":
            continue
        seen = labels[entity.text]
        if seen.count("PERSON") * 2 <= len(seen):
            continue  # "Sri Lanka" tagged PERSON once and GPE elsewhere: the tagger's slip
        mention = mention_from_parts(name_parts(text, entity.start, entity.end), "ner")
        if mention is not None:
            yield mention


def _cue_mentions(text: str) -> Iterator[Mention]:
    titles = title_words()
    for match in _TITLE_BEFORE.finditer(text):
        if fold(match.group(1)) in titles:
            mention = mention_from_parts(name_parts(text, match.end(), len(text)), "title")
            if mention is not None:
                yield mention
    # In lowercase a title or role word is often just a noun ("the coach Sunday"): only a given
    # name and a surname after it make a person's name.
    roles = titles | word_list("name_roles.txt")
    for match in _ROLE_BEFORE.finditer(text):
        if match.group(1) in roles:
            mention = mention_from_parts(name_parts(text, match.end(), len(text)), "title")
            if mention is not None and mention.has_given:
                yield mention
    for match in _ATTRIBUTION_BEFORE.finditer(text):
        mention = mention_from_parts(name_parts(text, match.end(), len(text)), "attribution")
        if mention is not None:
            yield mention
    for match in _ATTRIBUTION_AFTER.finditer(text):
        mention = mention_from_parts(name_parts(text, match.start(1), match.end(1)), "attribution")
        if mention is not None:
            yield mention


# "the Mariners", "the Marines", "the Kennedy family": a capitalised word after an article names a
# team, a body or a thing, not a person.
_ARTICLE_BEFORE = re.compile(r"(?:^|(?<=\s))(?:the|The|a|an)[ \t]+$")
_LOWERCASE_AFTER = re.compile(r"[ \t]+[a-z]")
_WORD_AFTER = re.compile(r"[ \t]+([^\s,;:!?)\"”]+)")


def _titled(text: str, mention: Mention) -> bool:
    """Whether a title or honorific stands right before the mention ("Senator Hill", "Mr Bown")."""
    before = _TITLE_WORD_BEFORE.search(text, max(mention.start - 20, 0), mention.start)
    return before is not None and fold(before.group(1)) in title_words()


def _title_surname(text: str, mention: Mention) -> bool:
    """A title word as a surname: "John Major", "Major said", and "Mr Major" once the story has introduced him."""
    if mention.has_given:
        return any(not p.is_initial and not p.is_particle for p in mention.given)
    if mention.cue == "attribution":
        return True  # a title alone says nothing: "Major told parliament" is a person
    return mention.cue == "second reference" and bool(_HONORIFIC_BEFORE.search(text, max(mention.start - 6, 0),
                                                                                 mention.start))


# A quoted run of capitalised words is the title of a work ("Kesler's Road", "The Life of Brian"):
# a name in it is not a person's mention. Small words may stand between the capitalised ones.
_QUOTED = re.compile(r"[\"“‘]([^\"“”‘’\n]{3,100})[\"”’]")
_TITLE_SMALL_WORDS = frozenset({"of", "the", "a", "an", "and", "in", "on", "to", "for", "at", "by", "with", "from"})


def _titles_of_works(text: str, italics: Sequence[tuple[int, int]] = ()) -> _Spans:
    """Titles of works: quoted ("Kesler's Road") or set in italics (*Coach Sorensen: A Life*), in title case."""
    quoted = ((match.start(1), match.end(1)) for match in _QUOTED.finditer(text))
    # Both in text order, merged so: _Spans takes spans in order at the cost of one append each.
    return _Spans(span for span in heapq.merge(quoted, italics) if _title_cased(text[span[0]:span[1]]))


def _title_cased(title: str) -> bool:
    words = title.rstrip(",.!?").split()
    return len(words) >= 2 and words[0][0].isupper() and all(
        word[0].isupper() or word in _TITLE_SMALL_WORDS for word in words)


# The copy gives the other spelling itself: "Hrytsenko, whose name is also spelled Hritsenko", "Marit Hanson,
# née Hansen", "(sometimes transliterated Hritsenko)", "flyers that misspell her name as Sorensen", a
# correction's "Rowena Liddell, not Rowena Lidell", "Lena Hartmann, born Lena Hartman", "formerly Hartman",
# "changed the family name from Steffenson", "her maiden name was Orlov"; the wrong spelling others use,
# as the person tells it: "Everybody writes Abernathy", "people always spell it Abernathy".
_STATED_VARIANT = re.compile(
    r"(?:,\s*not|\b(?:also|sometimes|often|elsewhere|variously)\s+(?:spelled|spelt|written|transliterated|rendered)"
    r"|\b(?:transliterated|spelled|spelt|rendered)\s+as|\bnée|\bnee|(?<![-\w])born|\bformerly(?:\s+known\s+as)?"
    r"|\b(?:changed|shortened|anglici[sz]ed|simplified)\s+(?:\w+\s+){0,2}names?\s+from"
    r"|\bmaiden\s+name(?:\s+(?:was|is))?"
    r"|\b(?i:everybody|everyone|people|they|others|many|most|some|nobody|no\s+one)\s+(?:\w+\s+){0,2}?"
    r"(?:writes?|wrote|spells?|spelled|spelt|types?|typed|misspel(?:l|ls|led|t))"
    r"(?:\s+(?:it|(?:my|his|her|their|the)\s+(?:sur)?name))?"
    r"|\bmisspel(?:l|ls|led|t|ling)\s+(?:his|her|their|its|the)\s+(?:\w+\s+)?names?"
    r"|\bmisspel(?:l|ls|led|t|ling)\s+the\s+name\s+of\s+[^.]{1,80}?\s+as)(?:\s+as)?\s+"
    r"(?P<names>(?:[A-Z][\w'’-]*)(?:\s+(?:or\s+)?[A-Z][\w'’-]*){0,2})")


def _stated_variants(text: str) -> _Spans:
    return _Spans(match.span("names") for match in _STATED_VARIANT.finditer(text))


def _after_article(text: str, mention: Mention) -> bool:
    article = _ARTICLE_BEFORE.search(text, max(mention.start - 5, 0), mention.start)
    if article is None:
        return False
    # "a Varga aide", "the Ilse Brandt film": a name used as an adjective is still the person's; after
    # "the", only a full name is ("the Kennedy family" is a family).
    end = mention.end
    while (suffix := _WORD_AFTER.match(text, end)) and is_suffix(suffix.group(1)):
        end = suffix.end()  # "the Ilse Brandt Jr. film"
    if not _LOWERCASE_AFTER.match(text, end):
        return True
    return not (article.group().strip() in ("a", "an") or mention.has_given)


def find_mentions(document: "Document") -> list[Mention]:
    """Every person mention in the document, the whole text parsed (for tests and measurements)."""
    return mentions_in(document.text, list(entities(document.spacy_doc)), italics=document.emphasis)


def mentions_in(
    text: str, found: Sequence[Entity], concern: Callable[[Mention], bool] | None = None,
    italics: Sequence[tuple[int, int]] = (),
) -> list[Mention]:
    """The person mentions in ``text``, in order, each name span once.

    ``found`` are the model's entities (from the whole text or from the pieces around ``concern``'s
    words); ``concern``, when given, keeps only the mentions it accepts, as if the story named no one
    else; ``italics`` are the spans set in italics (``Document.emphasis``), where titles of works are.
    """
    not_names = word_list("name_not_names.txt") | strippable_words()
    lowercase = lowercase_words(text)
    non_person_spans = _Spans((e.start, e.end) for e in found if e.label in _NOT_PERSON_LABELS)
    longer_non_person_spans = _Spans(
        (e.start, e.end) for e in found if e.label in _NOT_PERSON_LABELS and e.several_words
    )
    titles_of_works = _titles_of_works(text, italics)
    stated_variants = _stated_variants(text)
    # A word the story uses as a place or a company somewhere ("grew up in Newburgh") names it in every bare
    # mention too ("Newburgh will always be home").
    things = {without_possessive(m.group()) for m in CAPITALISED_WORD.finditer(text)
              if _names_a_thing(text, m.start(), m.end())}

    def plausible(mention: Mention) -> bool:
        if is_romanised_given(mention.surname.text):
            return False  # "Mei-ling" alone: a given name
        if any(fold(p.text.rstrip(".")) in not_names for p in mention.given if not p.is_particle):
            return False
        if fold(mention.surname.text) in not_names and not _title_surname(text, mention):
            return False
        if _after_article(text, mention) or titles_of_works.overlaps(mention.start, mention.end) or \
                stated_variants.overlaps(mention.surname.start, mention.surname.end):
            return False
        if mention.has_given:
            return True
        # "Ford's sales rose", "She sells Ford trucks", a headline's "Newburgh man elected": a company, body or
        # place, whichever cue found the word; "Mr. Ford" is a person.
        if mention.cue != "title" and (mention.surname.text in things or _headline_place(text, mention)):
            return False
        # A lone capitalised word: a sentence-initial common word, or part of a place or body? Not
        # after a title: "Senator Hill" is a person although the story writes "hill" too.
        surname = mention.surname.text
        if surname.casefold() in lowercase and mention.cue != "title" and not _titled(text, mention):
            # "Major told parliament": a title word that speaks is a surname, though "major" is a word.
            if not (mention.cue == "attribution" and fold(surname) in title_words()):
                return False
        # The tagger's PERSON, or the exact surname of someone the story introduced, outweighs a
        # place or organisation label on the same word ("Davenport had drawn ..." after "Lindsay
        # Davenport"); a title or attribution cue does not ("Reuters said").
        if mention.cue in ("ner", "second reference"):
            return True
        # The tagger labels an unfamiliar word as a place or body almost at random, so a label on
        # that one word alone does not outweigh a title ("Mr Wlfowitz") or the word's closeness to
        # a surname the story introduced; a label on a longer name ("Menger Foundation") does.
        # So does an attribution ("Mntoya said"), which only people and bodies make: a body that is a
        # slip away from a person's surname is rarer than a surname the tagger took for a body.
        if mention.cue in ("title", "variant", "attribution"):
            return not longer_non_person_spans.overlaps(mention.surname.start, mention.surname.end)
        return not non_person_spans.overlaps(mention.surname.start, mention.surname.end)

    accepted: list[Mention] = []
    covered = bytearray(len(text) + 1)  # characters inside an accepted mention (mentions are short)

    def accept(mentions: Iterable[Mention]) -> None:
        for mention in mentions:
            if concern is not None and not concern(mention):
                continue
            if any(covered[mention.surname.start : mention.surname.end]) or not plausible(mention):
                continue
            accepted.append(mention)
            covered[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)

    # "Kenichi Shimokawa" and "Kenichi Shmiokawa": one given name before two surnames a slip apart
    # is one person's name spelt two ways, whatever the tagger called either (or cut off).
    accept(_shared_given_names(text, lowercase))
    accept(_ner_mentions(found, text))
    accept(_cue_mentions(text))
    # A surname the story shows is a person's ("Montoya said") makes "Gonzalo Montoya" a full name,
    # whatever the tagger called it ("Gonzalo Montoya QC" as an organisation).
    full_names = list(_full_names_of(text, {m.surname.text for m in accepted}, lowercase))
    # A given name the tagger left out of its span ("Dixon PhD" of "Jim Dixon PhD") joins the surname.
    bare = {m.surname.start: index for index, m in enumerate(accepted) if not m.has_given}
    for mention in full_names:
        index = bare.get(mention.surname.start)
        if index is not None and not any(covered[mention.start : mention.surname.start]):
            accepted[index] = Mention(mention.given, accepted[index].surname, accepted[index].cue)
            covered[mention.start : mention.surname.start] = b"\x01" * (mention.surname.start - mention.start)
    accept(full_names)
    # Once a story has introduced "Aslan Maskhadov", a lone "Maskhadov" is him, whether or not the
    # tagger saw it; so is a lone word a slip away from his surname (the suspects this check is for).
    accept(_second_references(text, [m for m in accepted if m.has_given]))
    return sorted(accepted, key=lambda m: m.start)


def _second_references(text: str, full_names: list[Mention]) -> Iterator[Mention]:
    """Lone capitalised words that are, or are a slip away from, the surname of a full name.

    A word right before one is taken as its given name only when the story gives that given name
    to someone ("Wal Pawik" after "Wal Pawlik"). A word that opens a sentence or clause ("Then",
    "But", "Meanwhile") is no given name, so the word after it stays a lone surname ("Then Kovak
    smiled"). Any other capitalised word before it makes it part of some longer name ("New
    Zaeland"), not a surname.
    """
    if not full_names:
        return
    surnames = {m.surname.text for m in full_names}
    spelt = {spelling(s) for s in surnames}
    surname_index = VariantIndex(surnames)
    given_names = {w for m in full_names for w in m.given_words}
    given_index = VariantIndex(given_names)
    sentence_words = word_list("name_sentence_words.txt")
    # A long story repeats its capitalised words: judge each distinct word once.
    cues: dict[str, str | None] = {}
    givens: dict[str, bool] = {}
    for match in CAPITALISED_WORD.finditer(text):
        word = without_possessive(match.group())
        # All capitals are headline style ("STANDS BY WEAH"), left out as in mention_from_parts.
        if not word or word.isupper():
            continue
        if word not in cues:
            if spelling(word) in spelt:
                cues[word] = "second reference"
            elif surname_index.has_variant(word):
                cues[word] = "variant"
            else:
                cues[word] = None
        cue = cues[word]
        if cue is None or _name_goes_on(text, match):
            continue
        if cue == "variant" and _names_a_thing(text, match.start(), match.end()):
            continue
        previous = _previous_capitalised_word(text, match.start())
        if previous is not None:
            folded = fold(previous.text)
            if folded not in given_names and folded in sentence_words:
                previous = None
            elif folded not in given_names:
                if previous.text not in givens:
                    givens[previous.text] = given_index.has_variant(previous.text)
                if not givens[previous.text]:
                    continue
        given = (previous,) if previous is not None else ()
        yield Mention(given, NamePart(word, match.start(), match.start() + len(word)), cue)


# What only a company, body or place has, with or without a possessive: "Ford's former plant", "a Kroger store";
# and what a brand makes or sells, without one: "Ford trucks", "Halvorson One scooters" ("Whitlok's sales" and
# "Whitlok's phone" are a person's).
_NEIGHBOUR_WORD = (r"(?:(?!(?:said|says|told|tells|added|adds|noted|notes|wrote|writes|and|or|whose|who|has|had|was"
                   r"|is)\b)\w+\s+)?")
_THING_AFTER = re.compile(
    r"(?:[’']s)?\s+(?:(?:former|new|old|local|nearby|main|flagship|closed|shuttered)\s+)?" + _NEIGHBOUR_WORD +
    r"(?:stores?|plants?|factory|factories|dealerships?|shares|stock|headquarters|waterfront|downtown|campus|branch"
    r"|outlets?|brand|products?|restaurants?|hotels?|airport|warehouses?|mall|chain|franchise|supermarkets?|offices"
    r"|county|township|harbou?r|river|streets?|road|avenue|shoppers|customers|employees|workers|recalls?"
    r"|showroom|logo)\b"
    r"|\s+" + _NEIGHBOUR_WORD + r"(?:sales|trucks?|cars?|vehicles?|models?|dealers?|profits?|revenues?|earnings"
    r"|phones?|scooters?|bikes?|services|software|apps?|lots?)\b"
    r"|\s+(?:spokes(?:wo)?man|spokesperson|executives?|officials)\b")
_BODY_OR_PLACE_BEFORE = re.compile(r"\b(?:members?\s+of|(?:works?|worked|working)\s+(?:for|at)"
                                   r"|(?:sales|shares|jobs|workers|employees|layoffs|strikes?)\s+(?:at|of)"
                                   r"|(?:in|near|outside|downtown)(?:\s+(?:the\s+)?(?:city|town|village)\s+of)?)\s+$",
                                   re.I)
_BEFORE_REACH = 30


# A headline that opens with a place before someone or something from it: "Newburgh man elected", "Paris diner
# reopens". Not "Kovak family mourns son" or "Whitlok council seat filled": a family or a seat is a person's.
_PLACE_IN_A_HEADLINE = re.compile(
    r"\s+(?:man|woman|men|women|boy|girl|teen|teens|resident|residents|native|natives|diner|restaurant|bakery"
    r"|shop|store|school|schools|hospital|church|library|farm|company|plant|mill|factory|business|businesses)\b")


def _headline_place(text: str, mention: Mention) -> bool:
    line_end = text.find("\n")
    return mention.start == 0 and 0 <= line_end and mention.end <= line_end and \
        _PLACE_IN_A_HEADLINE.match(text, mention.surname.end) is not None


def _names_a_thing(text: str, start: int, end: int) -> bool:
    """ "Ford's former transmission plant", "a Kroger store", "a member of Mensa", "Newburgh's waterfront": the
    word at ``text[start:end]`` names a company, body or place (a letter away from someone's surname)."""
    if text[max(start, end - 2):end] in ("'s", "’s"):
        end -= 2  # the word as matched with its possessive: read from the bare word
    if _THING_AFTER.match(text, end) is not None:
        return True
    # "in Newburgh", "a member of Mensa"; not "in Johnson's absence", a person's.
    return text[end:end + 2] not in ("'s", "’s") and \
        _BODY_OR_PLACE_BEFORE.search(text, max(0, start - _BEFORE_REACH), start) is not None


def _full_names_of(text: str, surnames: set[str], lowercase: frozenset[str]) -> Iterator[Mention]:
    """ "Gonzalo Montoya" for a known surname "Montoya": a capitalised word before it is a given name.

    So is one before a word a slip away from a known surname: "Oskar Krsvedt" beside "Karsvedt said"
    is the misspelt introduction, whatever the tagger called it. Not a word that opens a sentence
    ("Then Montoya"), a title, or a word the story also writes in lowercase.
    """
    if not surnames:
        return
    excluded = word_list("name_sentence_words.txt") | word_list("name_not_names.txt")
    index = VariantIndex(surnames)
    cues: dict[str, str | None] = {}  # each distinct word judged once
    for match in CAPITALISED_WORD.finditer(text):
        word = without_possessive(match.group())
        if word not in cues:
            cues[word] = "surname" if word in surnames else "variant" if index.has_variant(word) else None
        cue = cues[word]
        if cue is None or _name_goes_on(text, match):
            continue
        if cue == "variant" and _names_a_thing(text, match.start(), match.end()):
            continue
        previous = _previous_capitalised_word(text, match.start())
        if previous is None or fold(previous.text) in excluded or previous.text.casefold() in lowercase:
            continue
        if previous.text.isupper() and not previous.is_initial:
            continue
        yield Mention((previous,), NamePart(word, match.start(), match.start() + len(word)), cue)


def _shared_given_names(text: str, lowercase: frozenset[str]) -> Iterator[Mention]:
    """Full names whose given name also stands before another surname a slip away from theirs.

    A given name is a capitalised word right before the surname, not a title, a word that opens
    a sentence, or a word the story also writes in lowercase.
    """
    excluded = word_list("name_sentence_words.txt") | word_list("name_not_names.txt")
    by_given: dict[str, list[Mention]] = {}
    for match in CAPITALISED_WORD.finditer(text):
        word = without_possessive(match.group())
        if not word or word.isupper() or _name_goes_on(text, match):
            continue
        previous = _previous_capitalised_word(text, match.start())
        if previous is None or previous.is_initial or previous.text.isupper():
            continue
        if fold(previous.text) in excluded or previous.text.casefold() in lowercase:
            continue
        surname = NamePart(word, match.start(), match.start() + len(word))
        by_given.setdefault(previous.text, []).append(Mention((previous,), surname, "shared given name"))
    for mentions in by_given.values():
        surnames = {m.surname.text for m in mentions}
        if len(surnames) < 2:
            continue
        index = VariantIndex(surnames)
        paired = {word for word in surnames if index.has_variant(word)}
        yield from (m for m in mentions if m.surname.text in paired)


def _name_goes_on(text: str, match: re.Match[str]) -> bool:
    """Whether the capitalised word is part of a longer name; a possessive ends one ("Solberg's Tamsin Party")."""
    return not match.group().endswith(("'s", "’s", "'", "’")) and _next_word_capitalised(text, match.end())


def _next_word_capitalised(text: str, end: int) -> bool:
    """Whether a capitalised word follows (so this one is part of a longer name); "Smith QC" is a name's end."""
    following = re.match(r"[ \t]+([^\s]+)", text[end : end + 40])
    if not following or not following.group(1)[0].isupper():
        return False
    return not is_suffix(following.group(1).rstrip(",;:!?)\"”"))


def _previous_capitalised_word(text: str, start: int) -> NamePart | None:
    """The capitalised word just before ``start`` in the same phrase, unless it is a title.

    A title before a surname ("Mr Menger") leaves it a surname-only reference; so does a possessive
    ("Norway's Lind"), which no given name is.
    """
    window = max(start - 40, 0)
    preceding = re.search(r"([^\s]+)[ \t]+$", text[window:start])
    if not preceding:
        return None
    word = preceding.group(1)
    if not word[0].isupper() or word[-1] in ".,;:!?\"”)'’" or fold(word) in strippable_words():
        return None
    if word.endswith(("'s", "’s")):
        return None
    return NamePart(word, window + preceding.start(1), window + preceding.end(1))
