"""English attribution rules, matched on the original text (capitals mark names).

Patterns: ``"...," Smith said`` / ``said Smith``, ``Smith said: "..."``, ``Smith told
reporters``, ``according to Smith``, ``He added`` (the last named person), anonymous sources
(``a senior official who spoke on condition of anonymity``), and ``said that ...`` as indirect
speech. Roles and titles are split from the name: ``Pentagon spokesman Col. Ryan Dillon``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import SpeakerRef
from .attribution import Attribution
from .document import Document

__all__ = ["EnglishRules", "parse_speaker", "TITLE_WORDS"]

_VERB_STEMS = """say said says told tell tells add added adds explain explained explains note noted
notes write wrote writes tweeted tweets continue continued continues ask asked asks declare declared
declares stated states insist insisted insists argue argued argues warn warned warns respond
responded responds reply replied replies recall recalled recalls claim claimed claims acknowledge
acknowledged acknowledges announce announced announces remark remarked remarks joke joked jokes
conclude concluded concludes suggest suggested suggests concede conceded concedes complain complained
complains admit admitted admits predict predicted predicts promise promised promises vow vowed vows
boast boasted boasts charge charged charges contend contended contends emphasize emphasized
emphasizes stress stressed stresses observe observed observes counter countered counters quip quipped
quips caution cautioned cautions urge urged urges reiterate reiterated reiterates maintain maintained
maintains yell yelled shouted shouts shout repeated repeats repeat mused muses posted posts
texted testified testifies pleaded pleads confirmed confirms confirm added reported reports
warned cautioned announced reacted reacts interjected interjects wondered wonders demanded demands
scoffed scoffs retorted retorts snapped lamented laments bragged brags gushed gushes marveled marvels
mocked fumed proclaimed proclaims exclaimed exclaims opined opines surmised whispered recounted
recounts reasoned reasons echoed echoes answered answers agreed agrees disagreed disagrees objected
protested riffed commented chanted chants describes reads read""".split()
_VERBS = "|".join(sorted(set(_VERB_STEMS), key=len, reverse=True))
# "the report stated", "the former secretary of state talked": after a determiner or "of" the
# word is a noun ("report", "state", "claim"), not the verb
_VERB = (r"(?<!\b[Tt]he )(?<!\b[Aa] )(?<!\b[Aa]n )(?<!\bof )(?<!’s )(?<!'s )(?<!\bhis )(?<!\bher )"
         r"(?<!\bits )(?<!\btheir )(?:" + _VERBS + r")")
_MULTIWORD = r"(?:went on|pointed out|(?:declined|refused) to (?:say|comment|specify|disclose)|(?:would|will|did|does|has|have|had)\s+(?:not\s+)?(?:" + _VERBS + r"))"
TITLE_WORDS = frozenset("""mr mrs ms dr sen rep gov gen col lt maj capt sgt adm brig cmdr president
senator governor secretary representative congressman congresswoman speaker chairman judge justice
mayor sheriff pastor rev father sister sheikh ambassador attorney general minister king queen prince
vice""".split())
_PRONOUNS = {"he": "person", "she": "person", "they": "last", "we": "last", "i": "last", "it": "last"}
_PRONOUN_GENDER = {"he": "m", "she": "f"}
# Gender a report shows without saying it: a title, a role noun, a common first name. Only for
# choosing between people when "she said" follows a man's quotation; unknown is the default.
_FEMALE_WORDS = frozenset("""mrs ms miss madam spokeswoman congresswoman chairwoman councilwoman
businesswoman anchorwoman wife mother daughter sister actress grandmother widow girlfriend woman mom
aunt niece queen princess lady first-lady""".split())
_MALE_WORDS = frozenset("""mr spokesman congressman councilman businessman anchorman husband father
son brother actor grandfather widower boyfriend man dad uncle nephew king prince""".split())
_FEMALE_NAMES = frozenset("""abigail ada adrienne alexandra alice alicia alison allison amanda amber amy
ana andrea angela angelina ann anna anne annie april ashley audrey barbara becky betsy betty beverly
brenda bridget brittany candace carly carla carmen carol caroline carolyn catherine cathy cecilia
charlotte cheryl christina christine cindy claire clara claudia colleen connie courtney cynthia
dana danielle dawn debbie deborah debra denise diana diane donna doris dorothy elaine eleanor elena
elise elizabeth ellen emily emma erica erin eva evelyn faith felicia fiona frances gabriela gabrielle
gail gina gloria grace gretchen hannah heather heidi helen hillary holly hope huma irene isabel
ivanka jackie jacqueline jan jane janet janice jasmine jean jeanne jennifer jenny jessica jill joan
joanna jodi joni josephine joy joyce judith judy julia julie justine karen kate katherine kathleen
kathryn kathy katie katy kayleigh kelly kellyanne kimberly kimberley kirsten kristen laura lauren
leah lily linda lisa lois loretta lori lorraine louise lucy lynn madeleine marcia margaret
maria marie marilyn marine marsha martha mary maxine megan megyn melania melanie melissa
meredith michele michelle mika mindy miriam molly monica nancy naomi natalie nicole nikki nina nora
olivia pamela pam patricia patti paula pauline peggy penny phyllis priscilla rachel rebecca regina
renee rita roberta rosa rosario rose ruth sally samantha sandra sara sarah sharon sheila
shirley sonia sophie stacey stephanie sue susan susana suzanne sylvia tammy tanya teresa theresa
tiffany tina tracy tulsi valerie vanessa veronica victoria virginia wendy whitney yvonne zoe""".split())
_MALE_NAMES = frozenset("""aaron adam al alan albert alex alexander allen andrew andy anthony antonin
arthur barack ben benjamin bernie bill billy bob bobby brad bradley brandon brent brett brian bruce
bryan carl carlos chad charles charlie chris christopher chuck clint colin corey craig dan daniel
danny darrell dave david dean dennis derek dick don donald doug douglas duncan dwight ed eddie edward
elijah eric ethan eugene evan frank fred gary gene george gerald glenn gordon greg gregory harold
harry henry herman howard ian jack jacob jake james jared jason jay jeb jeff jeffrey jeremy jerry
jesse jim jimmy joe joel john johnny jon jonathan jose joseph josh joshua juan justin keith
ken kenneth kevin kirk kyle larry lawrence leon lou louis luke marco mark martin matt
matthew max michael mike mitch mitt nathan neil newt nick nicholas oliver orrin patrick paul
peter phil philip ralph rand randy raymond reince richard rick rob robert rod roger ron ronald ross
roy rudy russell ryan sam samuel scott sean sergei seth sherrod stephen steve steven stuart ted
terry thomas tim timothy todd tom tony travis trey tyler vernon victor vince vincent vladimir walter
warren wayne william willie xi""".split())
_ANON = re.compile(r"\b(?:anonymity|anonymously|not authorized|unnamed|sources?|officials|aides?|"
                   r"people familiar|person familiar|insiders?|advisers|adviser|a senior|an official|"
                   r"someone|witnesses|observers|critics|analysts|experts|allies|supporters|"
                   r"strategists|operatives|donors|republicans|democrats|voters)\b", re.I)
_MEDIA = re.compile(r"\b(?:Times|Post|Journal|News|Press|Reuters|AP|AFP|CNN|MSNBC|Fox|NBC|CBS|ABC|"
                    r"Politico|Breitbart|Guardian|Tribune|Herald|Globe|Magazine|Newsweek|Axios|"
                    r"Bloomberg|BuzzFeed|Register|Gazette|Chronicle|Inquirer|Examiner|Observer|Dispatch|Courier|Telegraph|"
                    r"newspaper|magazine|network|outlet|report|reports|editorial|editorials|op-ed|column)\b")
_IN_OUTLET = re.compile(r"((?:[\w’'-]+\s+){0,4}?(?:editorial|column|op-ed|article|story|piece|report|interview|"
                        r"analysis|investigation|study|paper)\s+(?:in|by|from|on|of|for|with)\s+(?:the\s+)?"
                        r"(?:[a-z-]+\s+){0,3}?)((?:[Tt]he\s+)?[A-Z][\w’'.-]*(?:\s+(?:(?:and|of|for|on)\s+)?"
                        r"[A-Z][\w’'.-]*){0,5})(?:\s+(?:at the time|(?:last|this|on|in)\s+\w+))?$")
_ORG = re.compile(r"\b(?:campaign|committee|department|ministry|agency|administration|government|"
                  r"party|office|group|organization|organisation|company|coalition|army|military|"
                  r"police|council|commission|foundation|institute|center|centre|union|association|"
                  r"spokesman's office|White House|Pentagon|Kremlin|Congress|Senate|House|FBI|CIA|"
                  r"DNC|RNC|GOP|court|board|university|bureau|team|staff|network|corp|inc)\b")
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
_STATES = (r"Ala\.|Ariz\.|Ark\.|Calif\.|Colo\.|Conn\.|Del\.|Fla\.|Ga\.|Ill\.|Ind\.|Kan\.|Ky\.|La\.|Md\.|"
           r"Mass\.|Mich\.|Minn\.|Miss\.|Mo\.|Mont\.|Neb\.|Nev\.|N\.H\.|N\.J\.|N\.M\.|N\.Y\.|N\.C\.|N\.D\.|Okla\.|"
           r"Ore\.|Pa\.|R\.I\.|S\.C\.|S\.D\.|Tenn\.|Tex\.|Va\.|Vt\.|Wash\.|Wis\.|W\.Va\.|Wyo\.|D\.C\.|Alabama|"
           r"Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|"
           r"Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|"
           r"Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|"
           r"North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|"
           r"South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming")
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
_DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "one", "some", "many", "several",
                "two", "three", "another", "other", "our", "my", "this", "that", "these", "those",
                "most", "both", "each", "every", "few", "no", "all"}
_CALENDAR = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|"
                       r"December|Jan|Feb|Aug|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|"
                       r"Saturday|Sunday)\b")
_NUMBER = re.compile(r"(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|\w+teen|"
                     r"Twenty|Thirty|Forty|Fifty|Sixty|Seventy|Eighty|Ninety|Hundreds|Thousands|Dozens)\b")
_NOT_SUBJECT = {"The", "A", "An", "This", "That", "These", "Those", "It", "There", "Here", "In", "On",
                "At", "But", "And", "So", "If", "When", "While", "As", "After", "Before", "Asked",
                "Still", "Yet", "Now", "Then", "Some", "Many", "Most", "All", "Both", "Other", "Others",
                "Although", "Because", "Since", "Though", "Later", "Meanwhile", "However", "Also",
                "Even", "Only", "Just", "What", "Why", "How", "Who", "Where", "Last", "Next", "Her",
                "His", "Their", "Its", "Our", "My", "Your", "He", "She", "They", "We", "I", "You"}
_OFFICES = {"minister", "director", "chairman", "chairwoman", "head", "chief", "member", "leader",
            "department", "university", "school", "council", "committee", "office", "state"}
_NAME_OF = re.compile(r".*?((?:(?:[A-Z][\w’'-]*[a-z][\w’'-]*|[A-Z]\.)\s+)+[A-Z][\w’'-]*[a-z][\w’'-]*)\s+of\s+"
                      r"[A-Z][^,]*$")
_ROLE_WORDS = TITLE_WORDS | {
    "whip", "leader", "minority", "majority", "chairman", "chairwoman", "chair", "press", "spokesman",
    "spokeswoman", "director", "adviser", "advisor", "strategist", "manager", "campaign", "chief",
    "deputy", "former", "state", "house", "senate", "white", "candidate", "nominee", "presidential",
    "democratic", "republican", "gop", "national", "committee", "u.s", "us", "federal", "district",
    "court", "supreme", "party", "assembly", "council", "councilman", "councilwoman", "commissioner",
    "lt", "col", "gen", "rep", "sen", "gov", "dr", "mr", "mrs", "ms", "rev", "sgt", "capt", "maj"}
_OFFICE_TITLES = frozenset("""secretary minister chancellor premier director chairman chairwoman spokesman spokeswoman
ambassador staff president governor senator advocate counsel commissioner mayor leader whip manager
attorney general judge justice sheriff""".split())
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

_NPCHAR = (r"(?:\s*\([^()]{1,25}\)|[^,.;\"“”()]|(?<=\b[A-Z])\.|(?<=\b(?:Mr|Ms|Dr|Jr|Sr|St|Lt))\.|"
           r"(?<=\b(?:Mrs|Sen|Rep|Gov|Gen|Col|Maj|Sgt|Adm|Ore|Ind|Fla|Ill|Rev|Amb|Cpl|Pvt))\.|"
           r"(?<=\b(?:Capt|Brig|Mass|Conn|Mich))\.|(?<=\bCalif)\.)")
_NOT_ABBREVIATION = (r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bLt)(?<!\bSt)(?<!\bMrs)(?<!\bSen)"
                     r"(?<!\bRep)(?<!\bGov)(?<!\bGen)(?<!\bCol)(?<!\bMaj)(?<!\bSgt)(?<!\bCapt)(?<!\bAdm)"
                     r"(?<!\bRev)(?<!\bAmb)")
_BEFORE = re.compile(
    r"(?P<verb>\b" + _VERB + r"|" + _MULTIWORD + r")\b(?P<obj>\s+(?:[^,:;\"“”.]{1,40}?))??"
    r"\s*[,:]?\s*(?:that\s*)?[,:]?\s*$")
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+(?P<np>[^,;\"“”]{2,80}?)\s*[,:]?\s*$")
_INDIRECT_INVERTED = re.compile(  # "..., said Jake Horowitz, editor in chief of Mic.com."
    r",\s*(?:said|says|added|argued|noted|wrote|writes)\s+(?P<np>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,4}"
    r"(?:,\s*(?:[^,;\"“”.]|\.(?=\w)){1,100}?)?)(?:\s*\.?\s*$|,)")
_WHAT_CALLED = re.compile(  # "to what aide Kevin Phillips called "the beginning of ...""
    r"\b(?:[Ww]hat|that|which)\s+(?P<np>(?:[A-Za-z][\w’'.-]*\s+){0,5}?[\w’'.-]+)\s+(?:has\s+|had\s+|once\s+)?"
    r"(?:called|calls|dubbed|dubs|termed|terms|labeled|labels|describes as|described as)\s*$")
_ACCORDING_ANY = re.compile(r"\b[Aa]ccording to\s+(?P<np>[^,;.\"“”]{2,80})")
_AFTER_INVERTED = re.compile(
    r"\s*[,.!?]?\s*(?P<verb>" + _VERB + r")\s+(?P<np>(?!that\b)" + _NPCHAR + r"{1,100}?"
    r"(?:,\s*(?:who|a|an|the|his|her|its|their)\b(?:[^.;\"“”]|\.(?=\w)){0,90}?)?)" + _NOT_ABBREVIATION +
    r"\s*(?=[,.;:!?\"“”]|$)")
_AFTER_DIRECT = re.compile(
    r"\s*[,.!?]?\s*(?P<np>" + _NPCHAR + r"{1,80}?"
    r"(?:,\s*(?:[^,.;\"“”]|\.(?=\w)){1,90}?,)?)\s+(?P<verb>" + _VERB + r"|" + _MULTIWORD + r")\b")
_AFTER_NAMED = re.compile(
    r"\s*[,.!?]?\s*(?P<np>(?:[a-z]+\s+){0,3}(?:(?:[A-Z][\w’'-]*|[A-Z][a-z]{0,3}\.)\s+){0,5}[A-Z][\w’'-]*[a-z]"
    r"(?:\s*\([^()]{1,20}\))?(?:,\s*[^\"“”]{1,200}?,)?)\s+(?P<verb>" + _VERB + r")\b")
_AFTER_DESCRIBED = re.compile(  # '"...," the bespectacled, 71-year-old diplomat said'
    r"\s*[,.!?]?\s*(?P<np>(?:the|a|an)\s+[\w-]+(?:,\s*[\w-]+)+(?:\s+[\w-]+){1,3}?)\s+(?P<verb>" + _VERB + r")\b")
_AFTER_APPOSED = re.compile(  # '"...," Nate Silver, the polling guru who founded fivethirtyeight.com tweeted'
    r"\s*[,.!?]?\s*(?P<np>(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]*[a-z],\s*(?:the|a|an)\s[^,;\"“”]{1,120}?)"
    r"\s+(?P<verb>" + _VERB + r")\b(?=[\s,.])")
_PARTICIPLE = re.compile(
    r"(?P<w>\b(?:saying|telling|adding|noting|arguing|writing|calling|explaining|reporting|insisting|"
    r"asking|warning|declaring|stating|claiming|suggesting|tweeting|quipping|joking|vowing|promising|"
    r"predicting|describing|labeling|labelling|dubbing|branding|urging|recalling|citing|referring|yelling|"
    r"shouting|screaming|chanting|exclaiming|proclaiming|boasting|bragging|complaining|conceding|admitting|"
    r"acknowledging)\b)"
    r"[^.;\"“”]{0,60}?[,:]?\s*(?:that\s*)?[,:]?\s*$")
_AFTER_DASH = re.compile(r"\s*\n\s*[-–—]\s*(?P<np>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})\s*\.?\s*(?=\n|$)")
_TITLE_BEFORE = re.compile(r"\b(?:Col|Gen|Lt|Maj|Capt|Sgt|Sen|Rep|Gov|Dr|Mr|Mrs|Ms|Rev|Adm|Brig)\.\s+$")
_ROLE_APPOSITION = re.compile(r"(?:a|an|the|his|her|its|their|former|then|now|one|chief|senior|deputy|"
                              r"[A-Z][\w’'.-]*(?:’s|'s)?)\b")
_CLAUSE_REST = re.compile(r"[^,.;:!?\"“”]{1,80}(?=[,.;:!?]|$)")
_AFTER_LATE = re.compile(
    r",\s*(?:(?:said|says|added|wrote|writes)\s+(?P<np>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})|"
    r"(?P<np2>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}|the\s+[a-z-]+(?:\s+[a-z-]+)?)\s+(?:said|says|added|wrote))"
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today))?"
    r"(?:\s+(?:in|at|on|to|during|after|before)\s+[^,.;\"“”]{1,40}?)?\s*[,.]")
_AFTER_ACCORDING = re.compile(r"\s*[,.]?\s*according to\s+(?P<np>[^,.;\"“”]{2,80})")
_INDIRECT = re.compile(
    r"(?P<np>\b(?:[A-Z][^,;\"“”]{0,80}?(?:,[^;\"“”]{1,100}?,)?|he|she|they|we|I|it)\s+)(?P<verb>" + _VERB + r"|" + _MULTIWORD +
    r")(?P<obj>\s+(?:reporters|him|her|them|us|me|CNN|[A-Z][a-zA-Z]+(?:\s+[A-Z][a-zA-Z]+)*|"
    r"on\s+\w+|in\s+an?\s+\w+(?:\s+\w+)?|(?:last|on|this)\s+\w+|Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday))?\s*,?\s+(?:that\s+|(?=(?:the|a|an|it|he|she|they|there|his|her|its|their|"
    r"how|what|whether|when|why|where|who|if|Iraqi?|US|U\.S\.|"
    r"(?!(?:in|on|at|to|for|with|by|from|of|about|after|before|during)\b)[a-z]+)[\s’']))")
_INDIRECT_AFTER = re.compile(
    r",\s*(?P<np>(?:(?:the|a|an|its|his|her|their)\s+)?(?:[A-Za-z][^,;\"“”]{0,60}?|he|she|they|it)"
    r"(?:,\s*[^,;\"“”]{1,80}?,)?)\s+(?P<verb>said|says|added|argued|claimed|noted|told\s+\w+|wrote|warned|"
    r"insisted|explained|reported|announced)(?:\s+(?:on\s+)?[A-Z]\w+day|\s+in\s+a\s+statement)?\s*(?:\.?\s*$|,)")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,:;\n":
        start += 1
    while end > start and text[end - 1] in " ,:;\n":
        end -= 1
    return start, end


def parse_speaker(text: str, start: int, end: int) -> SpeakerRef | Attribution | None:
    """Read a speaker out of ``text[start:end]``: a name with title and role, a pronoun, an
    anonymous source, a medium or an organisation. None when it names nobody."""
    start, end = _trim(text, start, end)
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


_DESCRIPTION = re.compile(r"[Tt]he\s+(?P<mods>(?:(?:[A-Z][\w.’'-]*|[a-z][\w-]*)\s+){0,4}?)"
                          r"(?P<head>[a-z][a-z-]{3,})(?:\s+of\s+state)?")
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


_RELATIVE_SUBJECT = re.compile(r",\s+((?:(?:to|in|at|after|upon|for|with|by)\s+)?wh(?:ich|om)\s+"
                               r"(?:[A-Z]|(?:the|an?|his|her|its|their)\s))")


def _np_before(text: str, lo: int, verb_start: int) -> tuple[int, int]:
    """The noun phrase that ends right before a verb: back to the clause start."""
    start = lo
    for mark in (". ", "; ", "\n", "” ", "\" "):
        at = text.rfind(mark, lo, verb_start)
        while mark == ". " and at > lo and re.match(r"\b[A-Z]$", text[at - 2:at].strip()):
            at = text.rfind(mark, lo, at)  # "Paul D. Ryan": an initial, not the sentence's end
        if at >= 0:
            start = max(start, at + len(mark))
    clause = start
    lead = _NAME.match(text, start, verb_start)
    aside = lead and re.compile(r",\s*(" + _NAME.pattern + r")\s*$").match(text, lead.end(), verb_start)
    if aside and aside.group(1).split()[0] not in _NOT_SUBJECT | _CONNECTIVES and not _CALENDAR.match(aside.group(1)):
        start = aside.start(1)  # "Trump, Sexton said, has created": Sexton speaks about Trump
    elif lead and text.startswith(",", lead.end()) and lead.group().split()[0] not in _NOT_SUBJECT:
        start = lead.start()  # "Clinton, during a town hall in Columbus, Ohio, said"
    else:
        # a comma ends the clause unless it closes an apposition: "Smith, a spokesman, said"
        parts = text[start:verb_start].split(",")
        if len(parts) >= 3:
            start = verb_start - len(",".join(parts[-3:]))
        elif len(parts) == 2 and (not re.match(r"\s*(?:a|an|the|who|his|her)\b", parts[1])
                                  or len(parts[0].split()) > 6):  # "But Trump has ..., the columnist said"
            start = verb_start - len(parts[1])
        opening = text.startswith("With ", clause) and _LEAD.match(text, clause, verb_start)
        if opening and opening.end() > start:
            start = opening.end()  # "With her husband, former President Bill Clinton, standing by her side,"
    relative = None
    for relative in _RELATIVE_SUBJECT.finditer(text, start, verb_start):
        pass
    if relative:
        start = relative.start(1)  # "Mukasey, ..., criticized Clinton’s email use, which an FBI investigation said"
    title = _TITLE_BEFORE.search(text, max(lo, start - 8), start)
    if title:
        start = title.start()  # "Col. Ryan Dillon": the sentence mark was the title's dot
    return start, verb_start


_SUBJECT = re.compile(
    r"(?:[Aa]s\s+)?(?P<np>(?:(?:[A-Z][\w’'.-]*|the|a|an|his|her|its|their|[a-z][a-z-]*(?=\s+[a-z-]*\s*[A-Z]))\s+){0,6}?(?:[A-Z][\w’'-]*[a-z][\w’'-]*|"
    r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Oo]ne)(?:\s+[\w’'-]+){1,3}?|"
    r"he|she|they|He|She|They|I|We|we)(?:\s*\([^()]{1,20}\))?(?:,\s*[^,;\"“”]{2,150}?(?:,[^,;\"“”]{2,80}?){0,2},)?)(?:\s+(?:himself|herself))?\s+"
    r"(?:(?:also|then|later|again|once|has|had|have|was|is|would|will|did|never|not|still|just|even|"
    r"nevertheless|nonetheless|however|instead|meanwhile|therefore|thus|indeed|too|"
    r"only|already|now|first|finally|[a-z]+ly|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"(?:last|this)\s+(?:week|month|year|night|spring|summer|fall|winter))\s+)*"
    r"(?P<verb>(?:did|does|do|was|is|has|had|have|were|would|could|wo|ca)n[’']t|"
    r"[a-z]+(?:ed|[^s]s|ied)|is|was|has|had|will|would|could|can|does|did|said|told|wrote|written|spoke|spoken|shot back|put it|put|went|says|"
    r"took|gave|given|made|thought|felt|began|fought|struck|sent|threw|came|got|held|kept|left|lost|ran|"
    r"saw|stood|won|brought|drew|led|met|paid|rose|sought|taught|hit|set|let|became|broke|chose|"
    r"knew|meant|read|spent|swore|woke|wore|withdrew)\b")
_POST_GENERIC = re.compile(
    r"\s*[,.!?]?\s*(?P<np>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}|he|she|they|I|we|"
    r"the\s+[a-z-]+(?:\s+[a-z-]+){0,2}|[Tt]he\s+[A-Z][\w-]*(?:\s+[a-z-]+){1,2})"
    r"\s+(?:\w+ly\s+)?(?P<verb>[a-z]+(?:ed|ied)|shot back|went on|put it|fired back)\b")


def _clause_start(text: str, lo: int, at: int) -> int:
    """Where the clause holding ``at`` begins: after the last sentence mark or quotation."""
    start = lo
    for mark in ("; ", "\n", "” ", "\" ", "'' ", ": ", "—", " - ", " – "):
        found = text.rfind(mark, lo, at)
        if found >= 0:
            start = max(start, found + len(mark))
    while start < at and text[start].isspace():
        start += 1
    return start


def _subject(text: str, lo: int, hi: int, loose: bool = False) -> tuple[int, int] | None:
    """The subject noun phrase of the clause ending at ``hi`` (its first verb's subject)."""
    start = _clause_start(text, lo, hi)
    lead = _LEAD.match(text, start, hi)
    match = (lead and _SUBJECT.match(text, lead.end(), hi)) or _SUBJECT.match(text, start, hi)
    gerund = match and re.match(r"[A-Z]\w+ing\b", match.group("np"))
    if match and (not gerund or re.search(r"[A-Z][\w’'.-]+\s+" + gerund.group() + r"\b", text[:start])) \
            and (not re.fullmatch(r"[a-z]+[^s]s", match.group("verb")) or _named_elsewhere(text, match.group("np"))):
        # "Holding signs ..." is no one, but "Ebeling said" after "Betsy Ebeling" is her; in
        # "Giant screens hanging ..." the plural noun only looks like a verb
        return match.start("np"), match.end("np")
    # "Weaver didn't seem impressed ...": a name opening the clause is its subject
    name = loose and _NAME.match(text, lead.end() if lead else start, hi)
    first = name.group().split()[0] if name else ""
    if name and not _CALENDAR.match(first) and first not in _NOT_SUBJECT and not first.endswith("ing") \
            and _named_elsewhere(text, name.group()):
        return name.start(), name.end()
    return None


def _named_elsewhere(text: str, np: str) -> bool:
    """Whether a lone capitalised word opening a sentence ("Giant screens glittered", "Weaver
    didn't seem impressed") is a name: the report writes it elsewhere as one ("Jeff Weaver",
    "said Weaver"). Longer phrases, lower-case words and plurals ("Democrats") pass."""
    if not re.fullmatch(r"[A-Z][a-z]+", np) or re.fullmatch(r"[A-Z][a-z]+[^s]s|People", np) \
            or np.lower() in _PRONOUNS or _MEDIA.match(np) or _ORG.match(np):
        return True
    return re.search(r"(?:[a-z,]|[A-Z][\w’'-]*[a-z])\s+" + np + r"\b", text) is not None


def _last_name(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The last capitalised name in a clause: "Here's Clinton in December 1992:"."""
    start = _clause_start(text, lo, hi)
    names = [m for m in _NAME.finditer(text, start, hi)
             if (m.start() > start or len(m.group().split()) > 1) and not _CALENDAR.match(m.group())]
    return (names[-1].start(), names[-1].end()) if names else None


_CLAUSE_BREAK = re.compile(r"[\"“”]|''|\s[-–—]\s|—|;\s")
_NICKNAMED = re.compile(r"\s*([A-Z][\w’'-]*[a-z])\s+[\"“‘'][A-Z][\w’'. -]{0,20}[\"”’']\s+([A-Z][\w’'-]*[a-z])"
                        r"(?:\s+of\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)?(?=,|\s+[a-z])")
_VIEWPOINT = re.compile(r"\s*(?:To|For)\s+((?:[a-z]+\s+|[A-Z][\w.’'-]*\s+){0,4}?[A-Z][\w’'-]*[a-z]),\s")


_INNER_CLAUSE = re.compile(r"\b(?:in which|during which|at which|where)\s+"
                           r"(?P<np>(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]*[a-z])\s+(?:[a-z]+ly\s+)?"
                           r"(?:[a-z]+ed|[a-z]+[^s\W]s|said|told|wrote|made|took|gave|spoke|put)\b")
_CONTRACTED = re.compile(r"\s*((?:[A-Z][\w-]*[a-z]\s+){0,2}[A-Z][\w-]*[a-z])[’']s\s+(?:(?:also|always|never|not|"
                         r"still|already|just|since|long|repeatedly)\s+)*(?:been|got|gotten|done|said|made|become|"
                         r"told|given|taken|spent|won|lost|called)\b")  # "Christie's been making the case"
_INTRODUCED = re.compile(r"\b(woman|man|girl|boy|resident|voter|student|worker|supporter|protester|mother|"
                         r"father|veteran|teacher|nurse|retiree)\b[^.;\"“”]{0,60}?\b(?:named|called)\s+"
                         r"([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?=[,.;]|\s+[a-z])")
_LATER_CLAUSE = re.compile(r"[,;]\s+(?:but|and|yet|while|whereas)\s+(?=(?:[a-z]+\s+){0,3}[A-Z])")
_SHOWN_WORDS = re.compile(r"\b(he|his|himself|she|herself)\b|(?<![.!?]\s)\b[A-Z][\w’'-]*|[\"“”]")
_SHOWN_GENDER = {"he": "m", "his": "m", "himself": "m", "she": "f", "herself": "f"}


def _looks_like_person(text: str, speaker: SpeakerRef, before: int) -> bool:
    """Whether a sentence's subject is a person a later "he" may mean: a title, a full name
    ("Bernie Sanders"), or a surname already given in full earlier in the report."""
    if speaker.title or speaker.role and any(w.lower() in _FEMALE_WORDS | _MALE_WORDS | _PERSON_HEADS
                                             for w in speaker.role.split()[-1:]):
        return True  # "his wife, Jane": a first name alone, but the role says who she is
    words = speaker.name.split()
    if not words or speaker.name == speaker.role or _CALENDAR.match(words[0]) \
            or words[0] in _NOT_SUBJECT or _ORG.search(speaker.name) or _MEDIA.search(speaker.name):
        return False
    if len(words) >= 2:
        return all(w[:1].isupper() for w in words)
    # "Bernie Sanders" earlier, or "Rihanna, who was honored ...": a relative "who" is a person's
    return re.search(r"\b[A-Z][\w’'.-]+\s+" + re.escape(words[0]) + r"\b", text[:before]) is not None \
        or re.match(r"\W*(?:\w+\W+){0,3}?" + re.escape(words[0]) + r",\s+who\b", text[before:before + 200]) is not None


class EnglishRules:
    """Attribution rules for English news prose."""

    min_quote_words = 1
    unattributed_quote_words = 8
    titled = re.compile(r"\b(?:entitled|titled|headlined|under the (?:slogan|banner|title|headline))\s*[:,]?\s*$",
                        re.IGNORECASE)
    names_keep_context = False
    frame_goes_on = True  # 'Cruz says his "friend" Rubio ran "..."': the first verb frames the sentence

    def before(self, doc: Document, lo: int, hi: int) -> Attribution | None:
        text = doc.text
        if not text[lo:hi].strip() and re.search(r"(?::|\b(?:said|says|wrote|writes|added|tweeted)(?:\s+(?:in|on)\s+"
                                                 r"[^.:;\"“”]{1,40})?\.)\s*$", text[max(0, lo - 60):lo]):
            # "Cruz continued:\n\n"You look at the questions ..."", "Lau said in a statement. "There
            # are no paper ballots"": the sentence before introduces it
            end = len(text[:lo].rstrip()) - 1  # before the colon or the full stop
            lo = max(text.rfind(". ", 0, end), text.rfind("\n", 0, end), lo - 300) + 1
        match = _ACCORDING.search(text, lo, hi) or _WHAT_CALLED.search(text, max(lo, hi - 120), hi)
        if match:
            return _attribution(text, match.start(), match.start("np"), match.end("np"), hi, True)
        match = _BEFORE.search(text, max(lo, hi - 160), hi)
        if match and match.start() >= lo:
            np_start, np_end = _np_before(text, lo, match.start("verb"))
            attribution = _attribution(text, np_start, np_start, np_end, hi, True)
            if attribution is not None:
                return attribution
        participle = _PARTICIPLE.search(text, max(lo, hi - 100), hi)
        if participle:
            agent = re.search(r"\bwith\s+(" + _FULL_NAME + r"|[A-Z][\w’'-]*[a-z])\s+(?:[a-z]+ly\s+)?$",
                              text[max(lo, participle.start() - 60):participle.start()])
            if agent:  # "..., with Trump reportedly yelling: "...""
                at = max(lo, participle.start() - 60) + agent.start(1)
                return _attribution(text, at, at, at + len(agent.group(1)), hi, True)
            subject = _subject(text, lo, participle.start(), loose=True)
            attribution = subject and _attribution(text, subject[0], *subject, hi, True)
            return attribution or Attribution(participle.start(), hi, follow="last", adjacent=True)
        # "Cruz called them on it:" — a clause ending in a colon introduces the quotation
        if re.search(r":\s*$", text[max(lo, hi - 4):hi]):
            return self._subject_attribution(text, lo, hi, True)
        return None

    def context(self, doc: Document, lo: int, hi: int) -> Attribution | None:
        """"Sanders shot back, "..."", "Romney went after Trump, calling it "disqualifying"": the
        clause's subject, tried only after the patterns after the quotation found nothing
        ("Based on her actions, "...," Tiegen said")."""
        text = doc.text
        embedding = self.indirect(doc, lo, hi)
        if embedding:
            # "Holden, chairman of ..., said it would join only if "a candidate ..."": the
            # reported speech the quotation is part of names its speaker, whoever spoke last
            attribution = embedding[-1][0]
            attribution.start = hi  # the reported speech before stays a statement of its own
            return attribution
        adjacent = bool(re.search(r",\s*$", text[max(lo, hi - 4):hi]))
        return self._subject_attribution(text, lo, hi, adjacent)

    def _subject_attribution(self, text: str, lo: int, hi: int, adjacent: bool) -> Attribution | None:
        clause_end = hi
        while clause_end > lo and text[clause_end - 1] in " :,\n":
            clause_end -= 1
        inner = None
        for inner in _INNER_CLAUSE.finditer(text, _clause_start(text, lo, clause_end), clause_end):
            pass
        if inner and "," not in text[inner.end():clause_end]:
            # "an interview ..., in which Clinton expressed confidence that ... "...": the
            # quotation belongs to the clause it ends, not to the sentence's first subject
            attribution = _attribution(text, inner.start("np"), *inner.span("np"), hi, adjacent)
            if attribution is not None:
                return attribution
        subject = _subject(text, lo, clause_end, loose=adjacent)
        if subject is None and adjacent and text[clause_end:hi].strip().startswith(":"):
            subject = _last_name(text, lo, clause_end)
        if subject:
            return _attribution(text, subject[0], *subject, hi, adjacent)
        return None

    def after(self, doc: Document, lo: int, hi: int) -> Attribution | None:
        text = doc.text
        for pattern in (_AFTER_DASH, _AFTER_ACCORDING, _AFTER_INVERTED, _AFTER_DIRECT, _AFTER_NAMED,
                        _AFTER_DESCRIBED, _AFTER_APPOSED, _POST_GENERIC):
            match = pattern.match(text, lo, hi)
            if match and re.match(r"\s*(?:and|but|or|while|because|if)\s", match.group("np")):
                match = None  # '"leading from behind" and Donald Trump says': a clause of its own
            if match and text[lo - 2:lo - 1] == "." and hi < len(text) and text[hi] in "\"“'" \
                    and text[match.end():hi].strip(" ,:"):
                match = None  # 'a "pathological liar." Carly Fiorina said Ted Cruz "...": a new sentence
            if match:
                end = match.end()
                rest = _CLAUSE_REST.match(text, end, hi)  # "... Dillon told reporters in Baghdad."
                if rest and len(rest.group().split()) <= 10:
                    end = rest.end()
                attribution = _attribution(text, lo, match.start("np"), match.end("np"), end, True)
                if attribution is not None:
                    return attribution
        # '"...," in sharp contrast to previous elections, says Dante Scala.'
        late = _AFTER_LATE.search(text, lo, hi)
        if late and '"' not in text[lo:late.start()] and "“" not in text[lo:late.start()]:
            group = "np" if late.group("np") else "np2"
            return _attribution(text, lo, late.start(group), late.end(group), late.end(), False)
        return None

    def indirect(self, doc: Document, lo: int, hi: int) -> list[tuple[Attribution, int, int]]:
        text = doc.text
        found = []
        match = _INDIRECT.search(text, lo, hi)
        if match:
            np_start, np_end = _np_before(text, lo, match.start("verb"))
            attribution = _attribution(text, np_start, np_start, np_end, match.end(), False)
            said_that = match.group().rstrip().endswith("that")
            named = attribution is not None and attribution.speaker is not None and \
                attribution.speaker.name != attribution.speaker.role and np_start == lo
            if attribution is not None and (said_that or named):
                # without "that", only a named subject opening the sentence: "Mahmoud said the force ..."
                found.append((attribution, match.end(), hi))
                return found
        match = _INDIRECT_AFTER.search(text, lo, hi) or _INDIRECT_INVERTED.search(text, lo, hi)
        if match:
            attribution = _attribution(text, match.start(), match.start("np"), match.end("np"), hi, False)
            if attribution is not None:
                # "That, Katie Walsh explained, is by design": the words on both sides are hers
                found.append((attribution, lo, hi if match.group().endswith(",") else match.start()))
                return found
        match = _ACCORDING_ANY.search(text, lo, hi)
        if match:
            attribution = _attribution(text, match.start(), match.start("np"), match.end("np"),
                                       match.end(), False)
            if attribution is not None:
                rest = (match.end(), hi) if match.start() - lo < 5 else (lo, match.start())
                found.append((attribution, *rest))
        return found

    def referents(self, doc: Document, lo: int, hi: int) -> list[SpeakerRef]:
        return []

    def gender(self, speaker: SpeakerRef) -> str | None:
        """"f" or "m" when the title, the role or the first name shows it, so that "she said"
        after a man's quotation goes back to the woman named before him."""
        words = [w.lower().strip(".,’'") for w in
                 " ".join(filter(None, (speaker.title, speaker.role))).replace("-", " ").split()]
        if any(w in _FEMALE_WORDS for w in words):
            return "f"
        if any(w in _MALE_WORDS for w in words):
            return "m"
        first = speaker.name.split()[0].lower() if len(speaker.name.split()) > 1 else ""
        return "f" if first in _FEMALE_NAMES else "m" if first in _MALE_NAMES else None

    def shown_gender(self, doc: Document, lo: int, hi: int, subject: SpeakerRef) -> str | None:
        """"m" or "f" when the sentence about ``subject`` goes on with their own pronoun before
        naming anyone else ("Trump then threw up his hands", "Clinton, for her part, sided"):
        what lets a later "she said" skip him."""
        at = doc.text.find(subject.surface or subject.name, lo, hi)
        if at < 0:
            return None
        at += len(subject.surface or subject.name)
        for word in _SHOWN_WORDS.finditer(doc.text, at, hi):
            if word.group(1):
                return _SHOWN_GENDER[word.group(1).lower()]
            if word.group().strip() not in ("I", "The", "A", "An"):
                return None  # another name, or a quotation: their pronoun may be someone else's
        return None

    def subject(self, doc: Document, lo: int, hi: int) -> SpeakerRef | None:
        """Who a sentence is about, so a later "he said" or an opening quotation can find them."""
        nicknamed = _NICKNAMED.match(doc.text, lo, hi)
        if nicknamed:  # 'Juan "Chico" Manriquez of Oakland carried one of the photos.'
            return SpeakerRef(name=f"{nicknamed.group(1)} {nicknamed.group(2)}", kind="person",
                              surface=nicknamed.group().strip())
        introduced = _INTRODUCED.search(doc.text, lo, hi)
        if introduced:  # "The woman ... identified herself as a resident named Caroline."
            return SpeakerRef(name=introduced.group(2), kind="person", role=introduced.group(1),
                              surface=introduced.group(2))
        for later in _LATER_CLAUSE.finditer(doc.text, lo, hi):
            # "..., but their neighbor Benjamin Green, 83, knows": the narration last turned
            # to the subject of the later clause
            mark = _CLAUSE_BREAK.search(doc.text, later.end(), min(hi, later.end() + 200))
            span = _subject(doc.text, later.end(), mark.start() if mark else min(hi, later.end() + 200))
            parsed = span and parse_speaker(doc.text, *span)
            if isinstance(parsed, SpeakerRef) and parsed.kind == "person" and parsed.name != parsed.role \
                    and (parsed.title or self.gender(parsed)):  # a title or a first name: a person
                return parsed
        view = _VIEWPOINT.match(doc.text, lo, hi)  # "To Florida consultant Wilson, the line is silly"
        mark = _CLAUSE_BREAK.search(doc.text, lo, lo + min(hi - lo, 200))
        end = mark.start() if mark and mark.start() > lo else lo + min(hi - lo, 200)  # the first clause
        contracted = _CONTRACTED.match(doc.text, lo, end)
        span = view.span(1) if view else contracted.span(1) if contracted else _subject(doc.text, lo, end)
        if span is None:
            return None
        parsed = parse_speaker(doc.text, *span)
        if not isinstance(parsed, SpeakerRef):
            return None
        described = _DESCRIPTION.fullmatch(parsed.name) if parsed.name == parsed.role else None
        named = described and _described(doc.text, span[0], described)
        if named:  # "The Vermont senator vowed ...": whom a later "he" means, by name
            return SpeakerRef(name=named, kind="person", role=parsed.role, surface=parsed.surface)
        if parsed.kind == "person" and not _looks_like_person(doc.text, parsed, lo):
            return None  # "Federal mandates are ...": a capitalised word before a plural noun
        return parsed
