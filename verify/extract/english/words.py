"""The words English attribution is made of: speech verbs, titles, roles, the words and first names
that show a person's gender, media and anonymous sources, and the patterns of attribution around a
quotation.
"""

from __future__ import annotations

import re




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

_ORG = re.compile(r"\b(?:campaign|committee|department|ministry|agency|administration|government|"
                  r"party|office|group|organization|organisation|company|coalition|army|military|"
                  r"police|council|commission|foundation|institute|center|centre|union|association|"
                  r"spokesman's office|White House|Pentagon|Kremlin|Congress|Senate|House|FBI|CIA|"
                  r"DNC|RNC|GOP|court|board|university|bureau|team|staff|network|corp|inc)\b")

_STATES = (r"Ala\.|Ariz\.|Ark\.|Calif\.|Colo\.|Conn\.|Del\.|Fla\.|Ga\.|Ill\.|Ind\.|Kan\.|Ky\.|La\.|Md\.|"
           r"Mass\.|Mich\.|Minn\.|Miss\.|Mo\.|Mont\.|Neb\.|Nev\.|N\.H\.|N\.J\.|N\.M\.|N\.Y\.|N\.C\.|N\.D\.|Okla\.|"
           r"Ore\.|Pa\.|R\.I\.|S\.C\.|S\.D\.|Tenn\.|Tex\.|Va\.|Vt\.|Wash\.|Wis\.|W\.Va\.|Wyo\.|D\.C\.|Alabama|"
           r"Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|"
           r"Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|"
           r"Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|"
           r"North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|"
           r"South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming")

_DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "one", "some", "many", "several",
                "two", "three", "another", "other", "our", "my", "this", "that", "these", "those",
                "most", "both", "each", "every", "few", "no", "all"}
_CALENDAR = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|"
                       r"December|Jan|Feb|Aug|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|"
                       r"Saturday|Sunday)\b")

_OFFICES = {"minister", "director", "chairman", "chairwoman", "head", "chief", "member", "leader",
            "department", "university", "school", "council", "committee", "office", "state"}

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
