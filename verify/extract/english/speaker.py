"""From a noun phrase to a speaker: the name split from its title and role ("Pentagon spokesman Col.
Ryan Dillon"), anonymous sources, media, descriptions ("the Vermont senator"), and what is no
speaker at all.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...model import SpeakerRef
from ..attribution import Attribution
from ..document import trim_span
from .words import (
    TITLE_WORDS,
    _ANON,
    _CALENDAR,
    _DETERMINERS,
    _FEMALE_NAMES,
    _MALE_NAMES,
    _MEDIA,
    _OFFICES,
    _OFFICE_TITLES,
    _ORG,
    _PRONOUNS,
    _PRONOUN_GENDER,
    _ROLE_WORDS,
    _STATES,
)


_IN_OUTLET = re.compile(r"((?:[\w’'-]+\s+){0,4}?(?:editorial|column|op-ed|article|story|piece|report|interview|"
                        r"analysis|investigation|study|paper)\s+(?:in|by|from|on|of|for|with)\s+(?:the\s+)?"
                        r"(?:[a-z-]+\s+){0,3}?)((?:[Tt]he\s+)?[A-Z][\w’'.-]*(?:\s+(?:(?:and|of|for|on)\s+)?"
                        r"[A-Z][\w’'.-]*){0,5})(?:\s+(?:at the time|(?:last|this|on|in)\s+\w+))?$")

_NAME_TOKEN = (r"(?:[A-ZÀ-ÖØ-Þ][^\W\d_'’\-]*[a-zß-öø-ÿ][^\W\d_'’\-]*(?:['’\-][^\W\d_]+)*|[A-Z]\.|"
               r"[A-Z]{2,}(?=\s+[A-Z][a-z])|O[’'][A-Z][a-z]+)")
_NAME_TOKEN = r"(?:(?:al|el|ad|as|ash|an|ar|at|az|ibn|bin|abu|abd)-[A-Z][\w’'-]*|" + _NAME_TOKEN[3:]
_NAME = re.compile(_NAME_TOKEN + r"(?:\s+(?:" + _NAME_TOKEN + r"|(?:de|van|von|bin|al|la|du|del)(?=\s+[A-Z])))*"
                   r"(?:,?\s+(?:Jr|Sr|III|II)\.?)?")
_TITLE = re.compile(r"(?:(?:Sen|Rep|Gov|Gen|Col|Lt|Maj|Capt|Sgt|Adm|Brig|Dr|Mr|Mrs|Ms|Rev|Cmdr|Lt\. Gen|"
                    r"Maj\. Gen|Brig\. Gen|Lt\. Col)\.|President|Vice President|Senator|Governor|"
                    r"Secretary(?: of State)?|Speaker|Chairman|Chairwoman|Judge|Justice|Mayor|Sheikh|"
                    r"Ambassador|Attorney General|Rep\.|Representative|Congressman|Congresswoman|King|Queen|Prince|"
                    r"Gen\.|Col\.|Pope|Father|Rabbi|Imam)\s+")

_LEAD = re.compile(
    r"(?:[A-Z][a-z]+\s+(?:later|earlier|ago|after\s+[^,]{1,60}|before\s+[^,]{1,60}),\s+|"
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|several|few|"
    r"many|some)\s+"
    r"(?:few\s+)?(?:days?|weeks?|months?|years?|hours?|"
    r"minutes?|decades?)\s+(?:later|earlier|ago|before|after)\s*,?\s+|sooner or later,\s+|back in [^,]{1,30},\s+|"
    r"(?:the\s+)?(?:day|night|week|month|year|morning|evening)\s+(?:before|after|earlier|later),\s+|"
    r"(?-i:(?:[Qq]uite|[Vv]ery|[Mm]ost)\s+[a-z]+ly|[a-z]+ly|Recently|Currently|Eventually|Ultimately|Initially|"
    r"Originally|Apparently|Clearly|Obviously|Unfortunately|Fortunately|Ironically|Interestingly|Notably|"
    r"Separately|Additionally|Previously|Publicly|Privately|Personally|Politically|Historically|Typically|"
    r"Usually|Generally|Specifically|Importantly|Frankly|Honestly|Increasingly|Suddenly),\s+|"
    r"that[’']s\s+(?:when|why|how|where)\s+|"
    r"with\s+[^.;:\"“”]{1,120}?\s(?:[a-z]+ing|at\s+(?:his|her|their)\s+side)\b[^,.;:\"“”]{0,80},\s+|"  # "With her husband, ..., standing by her side,"
    r"(?:(?:shortly|soon|right|not long|long|just)\s+)?(?:afterwards?|thereafter),\s+|"
    r"(?<=,\s)(?:" + _STATES + r"),\s+|"
    r"(?:and|but|so|yet|or|also|then|meanwhile|however|later|still|now|instead|moreover|indeed|thus|therefore|"
    r"similarly|likewise|otherwise|nonetheless|nevertheless|besides|of course|in fact|"
    r"first|finally|earlier|again|here|there|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"\s*,?\s+|to\s+(?-i:(?:[a-z]+ly\s+)?(?!the\b)[a-z]+)\b[^,.;\"“”]{0,150},\s+|"  # "To quickly alert the police,"
    r"(?:(?:even|soon|shortly|right|just|long|early|late|midway|halfway|partly|especially|particularly|"
    r"mostly|only)\s+)?(?:in|at|on|of|about|regarding|during|after|before|when|while|as|asked|speaking|following|despite|with|"
    r"though|even though|whereas|unless|outside|inside|across|near|around|among|between|beyond|throughout|"
    r"within|through|against|toward|towards|behind|beside|alongside|ahead|"
    r"reached|contacted|pressed|questioned|interviewed|"
    r"without|since|from|for|by|under|amid|like|unlike|if|although|because|once|until|last|this|"
    r"[a-z]+ing|[a-z]{3,}ed\s+(?:by|with|in|at|on|from|for|over|after|to|about))\b"
    r"(?:[^,.;\"“”]|(?-i:(?<=\b[A-Z])\.(?=[A-Z]\.|[\s,]))|(?-i:(?:(?<=\bGov)|(?<=\bSen)|(?<=\bRep)|(?<=\bGen)|(?<=\bCol)|(?<=\bLt)|(?<=\bDr)|(?<=\bMr)|(?<=\bMs)|(?<=\bMrs)|(?<=\bSt))\.(?=\s+[A-Z]))){0,150},\s+)+",
    re.I)  # "... sue the U.S. for ...,", "After former California Gov. Jerry Brown criticized ...,"

_NUMBER = re.compile(r"(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|\w+teen|"
                     r"Twenty|Thirty|Forty|Fifty|Sixty|Seventy|Eighty|Ninety|Hundreds|Thousands|Dozens)\b")
_NOT_SUBJECT = {"The", "A", "An", "This", "That", "These", "Those", "It", "There", "Here", "In", "On",
                "At", "But", "And", "So", "If", "When", "While", "As", "After", "Before", "Asked",
                "Still", "Yet", "Now", "Then", "Some", "Many", "Most", "All", "Both", "Other", "Others",
                "Although", "Because", "Since", "Though", "Later", "Meanwhile", "However", "Also",
                "Even", "Only", "Just", "What", "Why", "How", "Who", "Where", "Last", "Next", "Her",
                "His", "Their", "Its", "Our", "My", "Your", "He", "She", "They", "We", "I", "You"}

_NAME_OF = re.compile(r".*?((?:(?:[A-Z][\w’'-]*[a-z][\w’'-]*|[A-Z]\.)\s+)+[A-Z][\w’'-]*[a-z][\w’'-]*)\s+of\s+"
                      r"[A-Z][^,]*$")

_UNNAMED = re.compile(r"\b(?:anonymity|anonymously|not authorized|unnamed|declined to be named|"
                      r"insisted on not being named)\b", re.I)
_RELATIVE = re.compile(r"\s+(?:who|whose|which)\s+")
_CONNECTIVES = {"While", "But", "And", "As", "When", "If", "Although", "Because", "Since", "Though",
                "Later", "Meanwhile", "However", "Also", "Still", "Yet", "Now", "Then", "So", "After",
                "Before", "Asked", "Even", "Only", "Just", "Here", "There"}
_ADVERB_TAIL = re.compile(r"(?:\s+(?:[a-z]+ly|also|then|later|again|once|quickly|just|still|even|never|"
                          r"had|has|have|was|is|would|will|did|(?:seem|appear|tri|tie|continu|want|went on|use)"
                          r"(?:ed|s|es)?\s+to))+$")  # "Trump seemed to"
_TRAILING = re.compile(r"(.*?[A-Z][\w’'-]*[a-z])\s+(?:at|on|in|during|after|before|last|this|earlier|"
                       r"later|while|when|to|about|of|from|with|for|recently|yesterday|today|tonight)\s+(?![A-Z])")
_PAREN = re.compile(r"\s*\([^()]{1,30}\)")

_ROLE_APPOSITION = re.compile(r"(?:a|an|the|his|her|its|their|former|then|now|one|chief|senior|deputy|"
                              r"[A-Z][\w’'.-]*(?:’s|'s)?)\b")


def parse_speaker(text: str, start: int, end: int) -> SpeakerRef | Attribution | None:
    """Read a speaker out of ``text[start:end]``: a name with title and role, a pronoun, an
    anonymous source, a medium or an organisation. None when it names nobody."""
    start, end = trim_span(text, start, end, " ,:;\n")
    lead = _LEAD.match(text, start, end)
    if lead:
        start = lead.end()
    np = _ADVERB_TAIL.sub("", text[start:end])  # "He also", "Gorka similarly"
    tail = re.search(r"(?:[,(:]\s*|(?<=\.)\s+|\b(?:when|what|as|after|before|while|that|because|where)\s+|"
                     r"^\(?(?:[Oo]n|[Ii]n|[Aa]t|[Ll]ast|[Tt]his|[Mm]aybe|[Pp]erhaps|[Tt]hen|[Nn]ow|[Ll]ater|"
                     r"[Ee]arlier|[Tt]oday|[Yy]esterday|[a-z]+ing)\b[^,]*\s)(he|she|they|He|She|They)$", np)
    if tail:
        # "the crowd booed when he told them", "Sure, he admits", "(On Monday he said",
        # "... committee members: He also said": the pronoun closing the phrase is the subject
        return Attribution(start, end, follow=_PRONOUNS[tail.group(1).lower()],
                           gender=_PRONOUN_GENDER.get(tail.group(1).lower()))
    relative = re.match(r"(?:(?:to|in|at|after|upon|for|with|by)\s+)?wh(?:ich|om)\s+(?=[A-Z]|(?:the|an?|his|her|its|their)\s)", np)
    if relative:  # "..., to which O'Malley interjected:": the relative clause's subject
        return parse_speaker(text, start + relative.end(), end)
    according = re.search(r",\s*according to\s+([^,]+)", np)
    if according:  # "His criticism, according to an interview with The New York Times, was": the source
        at = start + np.find(according.group(1))
        return parse_speaker(text, at, at + len(according.group(1)))
    owned = re.match(r"((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]*[a-z])(?:’s|'s|’|')\s+(?:[a-z-]+\s+){0,2}?"
                     r"(?:e-?mail|statement|letter|memo|tweet|post|website|book|speech|op-ed|video|ad)s?\b", np)
    if owned and not _MEDIA.search(owned.group(1)) and not _ORG.search(owned.group(1)):
        # "Sanders’ fundraising email to his supporters notes": his words, in writing
        parsed = parse_speaker(text, start, start + len(owned.group(1)))
        if isinstance(parsed, SpeakerRef):
            parsed.role, parsed.surface = re.sub(r"^(?:’s|'s|’|')\s*", "", np[len(owned.group(1)):]), np
            return parsed
    clause = re.search(r"\s(?:when|after|before|while|because|since|until|where|that)\s+(?=[A-Z])"
                       r"((?:[A-Z][\w’'.-]*\s+){0,5}[A-Z][\w’'-]*[a-z](?:\s+of\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)?)?)$", np)
    if clause:  # "Anxiety was underscored when House Speaker Paul D. Ryan of Wisconsin lamented"
        return parse_speaker(text, start + np.rfind(clause.group(1)), end)
    inner = re.match(r"(He|She)(?:[’']s)?\s+[a-z]|(\w+)\s+(?:[a-z]+\s+){0,4}?(he|she)\b(?!\s*,)", np)
    if inner and (inner.group(1) or inner.group(2) in _NOT_SUBJECT or inner.group(2).islower()):
        # "He pronounced his support for ..., saying", "Where he used to", "the meanest he ever":
        # the pronoun is the speaker
        pronoun = (inner.group(1) or inner.group(3)).lower()
        return Attribution(start, end, follow="person", gender=_PRONOUN_GENDER[pronoun])
    contraction = re.match(r"(?:that|it|here|there|what|who|let)[’']s\b", np, re.I)
    if contraction:
        return None  # "That's because, as he puts it": no one is named
    if re.search(r"\s(?:cannot|can[’']t|could(?:n[’']t)?|should(?:n[’']t)?|might|may|must|won[’']t|"
                 r"wouldn[’']t|didn[’']t|doesn[’']t|don[’']t|never)$", np):
        return None  # "Comey cannot say that ...": whoever is quoted, not them
    if re.search(r"\sto(?:\s+[a-z]+)?$", np):
        return None  # "It also wants to stop", "rushing to TV to": a verb phrase, not who speaks
    if re.search(r"\s(?:and|or|but)$", np):
        return None  # "Silverman was joined by Sen. Al Franken and joked": the subject is further back
    antecedent = re.search(r"((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]*[a-z]),\s+who$", np)
    if antecedent and antecedent.start() > 0:  # "an endorsement from Mike Lee, who declared"
        at = start + text[start:end].rfind(antecedent.group(1))
        return parse_speaker(text, at, at + len(antecedent.group(1)))
    unnamed = _UNNAMED.search(np)
    np = _RELATIVE.split(np, 1)[0]  # "the man who built his career on ..."
    np = re.sub(r"\s+(?:speaking|talking)\s+(?:to|with)\s.*$", "", np)  # "Another source speaking to Fox News"
    if re.match(r"\d+,", np):
        return None  # "32, a former staff member who said": an age cut from its name
    group = re.match(r"(.*?\b([a-z]+))\s+[a-z]+ing\s+[A-Z]", np)
    if group and (_ORG.fullmatch(group.group(2)) or _ANON.fullmatch(group.group(2))):
        np = group.group(1)  # "The U.S.-led coalition fighting Islamic State": the coalition
    if unnamed and np and not _PRONOUNS.get(np.lower()):
        return SpeakerRef(name=np, kind="anonymous", surface=text[start:end])
    if not np or len(np.partition(",")[0].split()) > 12 or np[0] in "“\"'":
        return None
    pronoun = _PRONOUNS.get(np.lower())
    if pronoun:
        return Attribution(start, end, follow=pronoun, gender=_PRONOUN_GENDER.get(np.lower()))
    outlet = _IN_OUTLET.match(np)
    if outlet:  # "a Wednesday editorial in The Des Moines Register", "a 2013 article in the
        # academic journal Judgment and Decision Making": the publication speaks
        return SpeakerRef(name=outlet.group(2), kind="media", role=outlet.group(1).strip(), surface=np)
    first = np.split()[0]
    if not first[0].isupper() and not first[0].isdigit() and first.lower() not in _DETERMINERS \
            and not _NAME.search(np.partition(",")[0]):
        return None
    if len(np.partition(",")[0].split()) > 10:
        return None
    if np.split()[0].lower() in ("who", "which", "that", "this", "there", "what"):
        return None
    while np.split(maxsplit=1)[0] in _CONNECTIVES and len(np.split()) > 1:
        np = np.split(maxsplit=1)[1]  # "While Trump", "But Clinton"
    if np in _NOT_SUBJECT or np.lower() in _PRONOUNS:
        return None
    if np.split()[0] in ("Most", "Some", "Many", "All", "Both", "Few", "Several", "Other") and len(np.split()) > 1:
        return None  # "Most Southern states that will vote": no one
    head, _, apposition = np.partition(",")
    apposition = re.sub(r",\s*\d{1,3}$", "", apposition.strip(" ,")) or None  # "Her father, Brad, 39"
    head_clean = _PAREN.sub("", head).strip()
    trailing = _TRAILING.match(head_clean)
    if trailing and not re.search(r"\b(?!(?:the|an?|about|with|to|from|by|of|on|in|at|for|against|over|and|or)\b)[a-z]+\s+[A-Z][\w’'-]*[a-z]\s+[A-Z][\w’'-]*[a-z]$",
                                  head_clean):  # but "Fight for $15 organizing director Kendall Fells"
        head_clean = trailing.group(1)  # "Rep. Bobby Scott at the time"
    head_clean = re.sub(r"\s+(?:on|in|last|this)\s+" + _CALENDAR.pattern + r".*$", "", head_clean)  # "... on Monday"
    of_place = " of " in head_clean and _NAME_OF.match(head_clean)  # the guard spares a slow regex
    of_words = of_place.group(1).split() if of_place else []
    if of_place and len(of_words) >= 2 and (of_words[-1].lower() not in TITLE_WORDS | _OFFICES
                                            or re.fullmatch(r"[A-Z]\.", of_words[-2])
                                            or of_words[-2].lower() in _MALE_NAMES | _FEMALE_NAMES):
        # "Patrick Murray of Christie", "McCain of Arizona", "Peter T. King of New York", but not
        # "Foreign Minister of Iraq"
        head_clean = head_clean[:of_place.end(1)]  # "Patrick Murray of Christie", "McCain of Arizona"
    names = list(_NAME.finditer(head_clean))
    if apposition and (not (names and names[-1].end() == len(head_clean))
                       or re.match(r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+[a-z]", head_clean)) \
            and _NAME.fullmatch(apposition) and len(apposition.split()) <= 4 \
            and not _ORG.search(apposition) and not _MEDIA.search(apposition):
        # "the presumptive GOP presidential nominee, Donald Trump"
        title_match = _TITLE.match(apposition)
        name = apposition[title_match.end():] if title_match else apposition
        return SpeakerRef(name=name, kind="person", role=head_clean,
                          title=title_match.group().strip() if title_match else None, surface=np)
    if names and names[-1].end() == len(head_clean) and not _ORG.search(names[-1].group().split()[-1]) \
            and not _MEDIA.search(names[-1].group()) or (names and names[0].start() == 0 and apposition
                                                          and not _ORG.search(head_clean)):
        last = names[-1] if names[-1].end() == len(head_clean) else names[0]
        full = last.group()
        if _CALENDAR.match(full) and " " not in full or _NUMBER.match(full) or full in _NOT_SUBJECT \
                or re.search(r"[’']s?$", full):  # "Trump's": whose, not who
            return SpeakerRef(name=np, kind="person", role=np, surface=np)  # "Six in 10 voters": unnamed
        at = last.start()
        owner, mark, owned = full.rpartition("’s " if "’s " in full else "'s ")
        if mark:  # "Pennsylvania's Patrick J. Toomey": the name after the possessive
            if len(owned.split()) < 2 or any(_CALENDAR.match(w) for w in owned.split()):
                return SpeakerRef(name=np, kind="person", role=np, surface=np)  # "Trump's Super Tuesday"
            at, full = at + len(owner) + len(mark), owned
        title_match = _TITLE.match(full)
        title = None
        if title_match:
            title, full = title_match.group().strip(), full[title_match.end():]
        elif at > 0:
            pre = head_clean[:at].rstrip()
            prev = _TITLE.search(pre.split()[-1] + " ") if pre else None
            if prev:
                title = pre.split()[-1]
        if not full or full.split()[0].lower() in TITLE_WORDS and len(full.split()) == 1:
            return SpeakerRef(name=np, kind="person", role=np, surface=np)
        words = full.split()
        cut = 0
        while cut < len(words) - 1 and words[cut].lower().rstrip(".") in _ROLE_WORDS:
            cut += 1  # "Senate Minority Whip Dick Durbin": capitalised office words are the role
        offices = [i + 1 for i, w in enumerate(words[:-1]) if w.lower().rstrip(".") in _OFFICE_TITLES]
        cut = max([cut] + offices)  # "Philippine Presidential Communications Office Secretary Martin Andanar"
        full = " ".join(words[cut:])
        role = (head_clean[:at] + " ".join(words[:cut])).strip() or None
        if role and title and role.endswith(title):
            role = role[: -len(title)].strip() or None
        if apposition and not role and _ROLE_APPOSITION.match(apposition):
            role = apposition  # "Ryan Dillon, a spokesman for ..." but not ", during a town hall"
        if role and role.lower() in ("the", "a", "an"):
            role = None
        if not title and not role and _not_a_name(text, full):
            return SpeakerRef(name=np, kind="person", role=np, surface=np)  # "Another", "Florida": no one named
        return SpeakerRef(name=full, kind="person", role=role, title=title, surface=np)
    if _ANON.search(np) and (not names or _ANON.fullmatch(np.split()[-1])):
        # "Coalition officials", "Kurdish officials": capitalised words before an unnamed head
        return SpeakerRef(name=np, kind="anonymous", surface=np)
    if _MEDIA.search(np):
        return SpeakerRef(name=np, kind="media", surface=np)
    if _ORG.search(np):
        return SpeakerRef(name=np, kind="organisation", surface=np)
    if len(np.split()) <= 6:
        return SpeakerRef(name=np, kind="person", role=np, surface=np)
    return None


_PLACE_STATES = re.compile(_STATES)
_CAPITALISED_BEFORE = re.compile(r"\b([A-Z][\w’'-]*[a-z]|Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.?\s+$")


@lru_cache(maxsize=4096)
def _not_a_name(text: str, name: str) -> bool:
    """Whether capitalised words are a common word ("Another", "Multiple", "Any", written in
    lower case elsewhere in the report; plurals such as "Prosecutors" stay who speaks) or a place ("Florida", "in Orlando", "at Sandy Hook")
    rather than someone's name: never when the report gives them after a first name or a
    title ("George Will", "Mr. Long")."""
    if _PLACE_STATES.fullmatch(name):
        return True
    pattern = re.compile(r"\b" + re.escape(name) + r"\b")
    for found in pattern.finditer(text):
        before = _CAPITALISED_BEFORE.search(text, max(0, found.start() - 30), found.start())
        if before and before.group(1) not in _NOT_SUBJECT | _CONNECTIVES:
            return False
    if " " not in name and not name.endswith("s") and re.search(r"\b" + re.escape(name.lower()) + r"\b", text):
        return True
    return re.search(r"\b(?:in|at|near|outside|across|throughout)\s+" + re.escape(name) + r"\b(?![’'])",
                     text) is not None


_PERSON_HEADS = frozenset("""senator governor president secretary candidate nominee congressman
congresswoman lawmaker representative mogul billionaire businessman businesswoman developer actor
actress singer star host anchor commentator columnist author writer speaker chairman chairwoman leader
mayor judge justice attorney lawyer prosecutor general minister ambassador diplomat spokesman
spokeswoman adviser advisor strategist pollster director manager founder executive neurosurgeon
surgeon doctor professor economist pastor preacher reverend rabbi pope king queen prince princess
premier chancellor front-runner frontrunner hopeful contender challenger incumbent activist historian
journalist comedian magnate tycoon investor entrepreneur sheriff commissioner councilman
councilwoman admiral colonel captain commander lieutenant sergeant""".split())
_ABBREVIATED = {"senator": r"Sen\.", "governor": r"Gov\.", "representative": r"Rep\.",
                "congressman": r"Rep\.", "congresswoman": r"Rep\.", "general": r"Gen\."}
_FULL_NAME = r"(?:[A-Z]\.\s+)?[A-Z][\w’'-]*[a-z](?:\s+(?:[A-Z]\.\s+)?[A-Z][\w’'-]*[a-z])+"


def _described(text: str, start: int, description: re.Match) -> str | None:
    """Whom a description stands for ("the Vermont senator", "the former secretary of state"):
    of the names the report gave with its head noun ("Sen. Bernie Sanders", "Ben Carson, a
    retired neurosurgeon") and its other words nearby, the one mentioned last."""
    head = description.group("head")
    if head not in _PERSON_HEADS:
        return None
    mods = [m.rstrip(".").lower()[:4] for m in description.group("mods").split()
            if m[0].isupper() and m not in ("Independent", "Republican", "Democratic", "GOP")]
    noun = re.compile(r"(?:\b" + _ABBREVIATED.get(head, "(?!)") + r"|\b(?i:" + re.escape(head) + r"))(?=\s|,)")
    window = text[max(0, start - 8000):start]
    names = set()
    for found in noun.finditer(window):
        surname = r"|[A-Z][\w’'-]*[a-z]\b(?!\s+[A-Z])" if found.group()[0].isupper() else ""
        after = re.compile(r"\s+(?:of\s+[A-Z][a-z]+\s+)?(" + _FULL_NAME + surname + ")").match(window, found.end())
        before = re.search(r"(" + _FULL_NAME + r")(?:\s*\([^()]{1,20}\))?,\s+(?:the|a|an)\s+[^,.;]{0,60}$",
                           window[max(0, found.start() - 140):found.start()])
        name = (after and after.group(1)) or (before and before.group(1))
        name = name and re.sub(r"^(?:(?:Republican|Democrat|Democratic|GOP|Independent)\s+)+|[’']s$", "", name)
        near = window[max(0, found.start() - 80):found.end() + 80].lower()
        if name and all(m in near for m in mods) and not any(w.lower()[:4] in mods for w in name.split()):
            names.add(name)
    if not names:
        return None
    return max(names, key=lambda n: window.rfind(n.split()[-1]))


_GENDERED = re.compile(r"\b(?:(Mr|Mrs|Ms|Miss)\.?\s+(?P<s1>[A-Z][\w-]*[a-z](?:[’'][A-Z][\w-]*[a-z])?)|"
                       r"([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?(?P<s2>[A-Z][\w-]*[a-z](?:[’'][A-Z][\w-]*[a-z])?))"
                       r"(?:[’']s?)?(?![\w’'-])")  # "Donald Trump’s campaign" names Donald Trump


def _mentioned(text: str, at: int, gender: str) -> SpeakerRef | None:
    """The last person of this gender the text names before ``at`` ("The most telling promise
    Mrs. Clinton has made ...", then "she has said"), for a pronoun when no earlier subject or
    speaker fits: a title or a first name shows the gender."""
    found = None
    for match in _GENDERED.finditer(text, max(0, at - 1000), at):
        if match.group(1):
            if ("m" if match.group(1) == "Mr" else "f") == gender:
                found = SpeakerRef(name=match.group("s1"), kind="person", title=match.group(1) + ".",
                                   surface=match.group())
        elif (match.group(3).lower() in (_FEMALE_NAMES if gender == "f" else _MALE_NAMES)
              and match.group("s2") not in _NOT_SUBJECT):
            found = SpeakerRef(name=text[match.start(3):match.end("s2")], kind="person", surface=match.group())
    return found


def _attribution(text: str, w_start: int, np_start: int, np_end: int, end: int,
                 adjacent: bool) -> Attribution | None:
    parsed = parse_speaker(text, np_start, np_end)
    if parsed is None:
        return None
    if isinstance(parsed, Attribution):
        parsed.start, parsed.end, parsed.adjacent = w_start, end, adjacent
        if parsed.follow == "person" and parsed.gender:
            parsed.fallback = _mentioned(text, w_start, parsed.gender)
        return parsed
    return Attribution(w_start, end, speaker=parsed, adjacent=adjacent)
