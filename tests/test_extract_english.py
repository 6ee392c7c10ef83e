"""English attribution patterns on short, real-looking news sentences."""

import pytest

from verify.extract import extract
from verify.extract.english import parse_speaker


def _quotes(text):
    return [s for s in extract(text, language="en") if s.kind == "quote"]


def _speaker(text):
    quotes = _quotes(text)
    assert quotes, f"no quote in {text!r}"
    return quotes[0].speaker


@pytest.mark.parametrize("text, name", [
    ('"We will not leave Kirkuk," Dillon said.', "Dillon"),
    ('"We will not leave Kirkuk," said Col. Ryan Dillon, a coalition spokesman.', "Ryan Dillon"),
    ('Dillon said: "We will not leave Kirkuk."', "Dillon"),
    ('Dillon told reporters, "We will not leave Kirkuk."', "Dillon"),
    ('"We will not leave Kirkuk," Dillon told Reuters on Friday.', "Dillon"),
    ('According to Dillon, "the troops will stay in Kirkuk."', "Dillon"),
    ("''It's an enormous moment,'' said Steve Schmidt, a Republican strategist.", "Steve Schmidt"),
])
def test_direct_quote_patterns(text, name):
    assert _speaker(text).name == name


def test_role_and_title_are_split_from_the_name():
    speaker = _speaker('"The forces arrived on Tuesday," said Pentagon spokesman Col. Ryan Dillon.')
    assert (speaker.name, speaker.title, speaker.role) == ("Ryan Dillon", "Col.", "Pentagon spokesman")


def test_he_said_is_the_last_named_speaker():
    text = ('Col. Ryan Dillon spoke in Baghdad on Friday. "The troops went to K1 with the '
            'agreement of Iraqi forces," he said. "They will stay," he added.')
    assert [q.speaker.name for q in _quotes(text)] == ["Ryan Dillon", "Ryan Dillon"]


def test_quote_over_several_sentences_is_one_statement():
    text = '"We came. We saw. We left the base in good order," Dillon said.'
    quotes = _quotes(text)
    assert len(quotes) == 1 and quotes[0].quote.startswith("We came. We saw.")


def test_abbreviations_do_not_end_sentences():
    statements = extract("The U.S. Army and Col. Dillon arrived in Kirkuk on Friday.", language="en")
    assert len(statements) == 1


def test_anonymous_official_is_anonymous():
    text = ('"The decision was made in Baghdad," said a senior official who spoke on condition '
            'of anonymity.')
    speaker = _speaker(text)
    assert speaker.kind == "anonymous" and _quotes(text)[0].anonymous


def test_said_that_is_indirect_speech():
    statements = extract("Dillon said that the troops would stay in Kirkuk for months.", language="en")
    assert [(s.kind, s.speaker.name) for s in statements] == [("indirect", "Dillon")]


def test_scare_quotes_and_titles_are_not_quotes():
    text = 'The so-called "experts" watched "Saturday Night Live" in Kirkuk.'
    assert _quotes(text) == []


def test_narration_left_over_is_an_assertion():
    text = 'Troops arrived in Kirkuk on Tuesday, and "the mission is clear," Dillon said.'
    kinds = [s.kind for s in extract(text, language="en")]
    assert kinds == ["assertion", "quote"]


def test_reported_speech_with_title_and_apposition_after_a_dateline():
    text = ('KIRKUK, Iraq — Col. Ryan Dillon, a spokesman for the U.S.-led coalition, said on '
            'Friday that hundreds of American troops had arrived at the K1 base near Kirkuk.')
    indirect = [s for s in extract(text, language="en") if s.kind == "indirect"]
    speaker = indirect[0].speaker
    assert (speaker.name, speaker.title, speaker.role) == (
        "Ryan Dillon", "Col.", "a spokesman for the U.S.-led coalition")


def test_attribution_keeps_its_circumstances():
    text = '"The move was coordinated with Iraqi forces," Dillon told reporters in Baghdad on Tuesday.'
    statements = extract(text, language="en")
    assert [s.kind for s in statements] == ["quote"]
    assert statements[0].text.endswith("in Baghdad on Tuesday")


def test_he_said_is_the_person_the_narration_turned_to():
    text = ('"We are ahead," Clinton said on Sunday. As he shook hands with voters in West '
            'Hollywood, Bernie Sanders reiterated his belief in a contested convention. '
            '"Absolutely," he said when asked by a reporter.')
    assert [q.speaker.name for q in _quotes(text)] == ["Clinton", "Bernie Sanders"]


def test_a_capitalised_word_before_a_plural_noun_is_not_whom_he_means():
    text = ('"We will win," Sen. Marco Rubio said. Federal mandates are a burden on schools. '
            '"They distract from teaching," he said.')
    assert [q.speaker.name for q in _quotes(text)] == ["Marco Rubio", "Marco Rubio"]


def test_a_quotation_inside_reported_speech_is_its_speakers():
    text = ('"We will not spend a dime," said Scott Reed, the chamber\'s strategist. Mark Holden, '
            'chairman of the board of Freedom Partners, the network\'s funding arm, said it would jump '
            'into the White House race in the general election only if "a candidate were able to '
            'garner support from the public with a positive message."')
    assert [q.speaker.name for q in _quotes(text)] == ["Scott Reed", "Mark Holden"]


def test_subject_behind_never_and_reported_speech_with_a_contraction():
    text = ('"We will win," said Gov. Chris Christie. Sen. Ted Cruz never mentioned the man likely to '
            'beat him. "I have an idea who should build it," he said. Jolly said it’s not the '
            'department’s role. "There are communities that need it," he said.')
    assert [q.speaker.name for q in _quotes(text)] == ["Chris Christie", "Ted Cruz", "Jolly"]


@pytest.mark.parametrize("text, name", [
    ('Sen. Claire McCaskill spoke in Kansas City. Of Sanders, McCaskill said: "Bernie is '
     'highlighting those issues."', "McCaskill"),
    ('Bernie Sanders spoke in Anaheim. But the crowd booed when he told them Clinton "has a number '
     'of super PACs."', "Bernie Sanders"),
])
def test_the_speaker_behind_a_leading_phrase_or_a_subordinate_clause(text, name):
    assert _speaker(text).name == name


def test_he_said_after_a_subject_of_is_or_has():
    text = ('"We will win," said Gov. Chris Christie. Mr. Hurt is eager to get the book out before the '
            'election. "Time\'s a wasting," he said.')
    assert [q.speaker.name for q in _quotes(text)] == ["Chris Christie", "Hurt"]


def test_subject_after_a_hyphenated_description():
    text = ('"We will win," said Gov. Chris Christie. Democratic front-runner Hillary Clinton stretched '
            'the truth a bit during the debate. "He is becoming their best recruiter," she said.')
    assert [q.speaker.name for q in _quotes(text)] == ["Chris Christie", "Hillary Clinton"]


def test_officials_under_a_capitalised_name_are_anonymous_and_report_speech():
    statements = extract("Coalition officials said the deployment was meant to prepare for the next "
                         "phase.", language="en")
    assert [(s.kind, s.speaker.kind) for s in statements] == [("indirect", "anonymous")]


def test_a_body_named_by_what_it_does_is_that_body():
    statements = extract("The U.S.-led coalition fighting Islamic State said on Friday that American "
                         "troops had moved to a base near Kirkuk.", language="en")
    assert [(s.kind, s.speaker.name) for s in statements] == [("indirect", "The U.S.-led coalition")]


@pytest.mark.parametrize("text, name", [
    ('Reached by POLITICO, Bennett denied the notion, saying he was "taking a few days off."', "Bennett"),
    ('Then, in a statement issued in his name, Carson said he has "100 percent confidence in my team."',
     "Carson"),
])
def test_a_leading_circumstance_is_not_the_speaker(text, name):
    assert _speaker(text).name == name


def test_a_long_quotation_far_from_others_is_the_narrations_person():
    text = ('"We will win," said Gov. Chris Christie. The race went on for weeks. Polls moved little. '
            'Voters stayed home. Bernie Sanders took the stage in Des Moines. The hall was full. '
            'Then, after a long pause: "Nothing real will happen unless we have a political '
            'revolution in this country."')
    assert [q.speaker.name for q in _quotes(text)] == ["Chris Christie", "Bernie Sanders"]


def test_an_opening_quotation_after_a_named_subject_is_theirs_not_the_last_speakers():
    text = ('"We have to move on," Paul Manafort said. Chris Christie praised the crowd in Manchester. '
            '"We need someone who will fight for this state every single day."')
    assert [q.speaker.name for q in _quotes(text)] == ["Paul Manafort", "Chris Christie"]


def test_she_said_after_a_mans_quotation_is_the_woman_named_before():
    text = ('Sen. Elizabeth Warren spoke in Boston on Saturday. "He is a proven failure," said Gov. '
            'Charlie Baker. "We will fight him every step of the way," she said.')
    assert [q.speaker.name for q in _quotes(text)] == ["Charlie Baker", "Elizabeth Warren"]


def test_he_said_skips_a_woman_known_by_her_title():
    text = ('Mr. Ackman wrote to investors on Tuesday. Ms. Brainard spoke at a conference in Washington. '
            '"We are going to take a much more proactive role," he said.')
    assert _speaker(text).name == "Ackman"


@pytest.mark.parametrize("text", [
    'Donald Trump spoke in Ohio. Sure, he admits that "the problem with low interest rates is real."',
    'Donald Trump spoke in Ohio. (On Monday he said he would "strongly consider" closing mosques.)',
    'Donald Trump spoke in Ohio. Perhaps, he said, this "small town has gotten too big too fast."',
])
def test_a_pronoun_after_a_leading_word_is_the_subject(text):
    assert _speaker(text).name == "Donald Trump"


@pytest.mark.parametrize("text, name", [
    ('"We will win," said Gov. Chris Christie. Rep. Devin Nunes (R-Calif.), chairman of the House '
     'Intelligence Committee, didn’t second-guess the decision. "I hope this never happens again," '
     'he said.', "Devin Nunes"),
    ('"We will win," said Gov. Chris Christie. Bill McInturff, the Republican half of a bipartisan '
     'polling team for The Wall Street Journal and NBC News, sounded a cautious note. "This has done '
     'nothing to lower anxiety," he said.', "Bill McInturff"),
    ('"We will win," said Gov. Chris Christie. Dorothy Woods lost her husband in Benghazi. Though '
     'empathetic with their grief, Woods said she does not agree. "First and foremost," she said.',
     "Woods"),
])
def test_he_said_after_a_subject_behind_a_contraction_a_long_apposition_or_though(text, name):
    assert _quotes(text)[-1].speaker.name == name


def test_a_description_opening_a_sentence_is_the_person_it_stands_for():
    text = ('"We will win," said Hillary Clinton. Vermont Sen. Bernie Sanders spoke in Nevada. Gov. John '
            'Kasich answered questions in Iowa. The Vermont senator vowed to take his campaign to the '
            'convention. "We will fight for every vote," he said.')
    assert _quotes(text)[-1].speaker.name == "Bernie Sanders"


@pytest.mark.parametrize("text, name", [
    ('"What sport is he talking about, and who? Is Obama profiling?" reacted Trump.', "Trump"),
    ('"Tell her I promised you a picture," interjected Ebeling.', "Ebeling"),
    ('"Governor Hassan, let me help you out - the answer is no," the Republican vice-presidential '
     'nominee riffed.', "the Republican vice-presidential nominee"),
])
def test_less_common_speech_verbs_and_hyphenated_descriptions(text, name):
    assert _speaker(text).name == name


def test_a_first_name_like_a_month_is_still_a_name():
    text = ('Former Arizona governor Jan Brewer, an early supporter of Trump, calls the issue of security '
            '"a priority" for women.')
    assert _speaker(text).name == "Jan Brewer"


def test_he_said_after_a_subject_stressed_with_himself():
    text = ('"We will win," said Tim Pawlenty. Mr. Rubio himself has been making this argument. "I am '
            'going to be the nominee," he said.')
    assert [q.speaker.name for q in _quotes(text)] == ["Tim Pawlenty", "Rubio"]


@pytest.mark.parametrize("text, name", [
    ('Sooner or later, the New Jersey governor told reporters, "it starts to pay off."',
     "the New Jersey governor"),
    ('But a few days later, Donald Trump reversed himself again, telling CBS that the laws "are set."',
     "Donald Trump"),
    ('At a rally in Birmingham, Alabama, some supporters kicked a protester, with Trump reportedly '
     'yelling: "Get him the hell out of here!"', "Trump"),
    ('Trump\'s "excesses" are sickening, Hollande said Tuesday in Paris.', "Hollande"),
    ('Comey cannot say that "from his perspective," Lewandowski added.', "Lewandowski"),
])
def test_leading_time_phrases_agents_of_participles_and_late_attributions(text, name):
    assert _speaker(text).name == name


@pytest.mark.parametrize("text, name", [
    ('"We will win," said Ada Fisher. To Florida consultant Rick Wilson, the party line on Trump is '
     'silly. "This is them trying to whistle past the graveyard," he said.', "Rick Wilson"),
    ('"We will win," said Jason Kern. Christyn Gionfriddo, a Neptune, N.J., native and 2009 Centenary '
     'College graduate, is saddled with debt. "Who wants to live at home at 29?" she said.',
     "Christyn Gionfriddo"),
    ('"We will win," said Jason Kern. Admiral Harris met Gen. Dunford at the Pentagon. Asked later, the '
     'admiral chuckled. "It is good that my voice is low," he said.', "Harris"),
])
def test_he_said_after_a_viewpoint_a_long_apposition_or_a_rank(text, name):
    assert _quotes(text)[-1].speaker.name == name


@pytest.mark.parametrize("text, name", [
    ('Nixon led to what aide Kevin Phillips called "the beginning of a new Republican era" in his '
     'book.', "Kevin Phillips"),
    ('"Even if she could convince people, the situation will have morphed," Mr. O\'Hanlon said.',
     "O'Hanlon"),
])
def test_what_someone_called_and_names_with_an_apostrophe(text, name):
    assert _speaker(text).name == name


def test_the_subject_of_a_sentence_is_read_before_its_quotation():
    text = ('"We will win," said Hillary Clinton. Most Southern states that will hold contests have '
            'minority populations. Bernie Sanders, who has represented Vermont for two decades, rallied '
            'young people with his calls to end the "rigged economy" that he says is maintained by a '
            'corrupt system. "We will all come together," he said.')
    assert [q.speaker.name for q in _quotes(text)][-2:] == ["Bernie Sanders", "Bernie Sanders"]


def test_reported_speech_closed_by_said_and_a_name_credits_them():
    text = ('Whether the Clinton or Trump model works will be part of the postmortem, said Jake Horowitz, '
            'editor in chief of Mic.com. "You have a very sophisticated operation," he said.')
    statements = extract(text, language="en")
    assert [(s.kind, s.speaker.name) for s in statements] == [
        ("indirect", "Jake Horowitz"), ("quote", "Jake Horowitz")]


def test_a_clause_before_the_comma_is_not_the_speakers_name():
    text = ('But Trump has one thing in common with Chinese people, the columnist suggested: "His winning '
            'streak is solid proof that voters are tired."')
    assert _speaker(text).name == "the columnist"


def test_a_name_keeps_its_suffix_and_drops_a_trailing_day():
    assert parse_speaker("Harry Hurt III", 0, 14).name == "Harry Hurt III"
    text = 'Louisiana Gov. Bobby Jindal on Monday called the plan "a disaster for our state."'
    assert _speaker(text).name == "Bobby Jindal"


def test_a_parenthetical_attribution_credits_the_sentence_and_the_next_she_said():
    text = ('The RNC has $16 million stashed away. That, RNC Chief of Staff Katie Walsh explained, is by '
            'design. "Trump heads into the general election with a head start," she said.')
    statements = extract(text, language="en")
    assert [(s.kind, s.speaker and s.speaker.name) for s in statements] == [
        ("assertion", None), ("indirect", "Katie Walsh"), ("quote", "Katie Walsh")]


def test_an_office_inside_a_capitalised_title_is_the_role():
    speaker = parse_speaker("Philippine Presidential Communications Office Secretary Martin Andanar", 0, 70)
    assert (speaker.name, speaker.role) == ("Martin Andanar", "Philippine Presidential Communications Office Secretary")


@pytest.mark.parametrize("text", [
    'Mark Cuban spoke in Dallas. He pronounced his support for free trade, which he said has grown '
    'because of "easy money."',
    'Mark Cuban spoke in Dallas. The major danger he sees is "the fact that we have these parties."',
    'Mark Cuban spoke in Dallas. Trump seemed to praise him. Cuban seemed to say: "I am not running."',
])
def test_a_pronoun_or_a_phrase_around_it_is_not_a_name(text):
    assert _speaker(text).name in ("Mark Cuban", "Cuban")


@pytest.mark.parametrize("text, name", [
    ('"They have to decide whether to feed themselves," said Fight for $15 organizing director '
     'Kendall Fells.', "Kendall Fells"),
    ('"Senator Sanders voted twice to protect gun dealers," said New York City Public Advocate Trish '
     'James.', "Trish James"),
    ('"That is treason," said Cruz constituent Dan Golvach when asked about Lindsey Graham.',
     "Dan Golvach"),
])
def test_long_capitalised_offices_before_a_name(text, name):
    assert _speaker(text).name == name


def test_a_clause_ending_in_a_colon_introduces_the_quotation_in_the_next_paragraph():
    text = ('The New York Times made these allegations in February, and Breitbart News responded:\n\n'
            '"If there are people in this country who are prone to terror attacks, the solution is not '
            'to punish everyone."')
    assert _speaker(text).name == "Breitbart News"


@pytest.mark.parametrize("text, name", [
    ('"We will win," said Jeb Bush. Speaking at a town hall in Salem, New Hampshire, Donald Trump went '
     'after Bush. "Here is a guy you would not hire to do anything," he said.', "Donald Trump"),
    ('"We will win," said Ben Carson. The day before, at a rally in Beaumont, Tex., Donald Trump was just '
     'as blunt. "You would have to be insane," he said.', "Donald Trump"),
    ('"We will win," said John Podesta. In every policy realm, Donald Trump vowed to put the country '
     'first - redirecting its gaze inward. "Americanism, not globalism, will be our credo," he said.',
     "Donald Trump"),
])
def test_he_said_after_a_subject_behind_a_place_a_time_or_before_a_dash(text, name):
    assert _quotes(text)[-1].speaker.name == name


@pytest.mark.parametrize("text, name", [
    ('"The agents are investigating the donations," another intelligence source speaking to Fox News '
     'said.', "another intelligence source"),
    ('"He would be a better president than Clinton no matter what," one user commented.', "one user"),
    ('Democratic presidential candidate Sen. Bernie Sanders (I-Vt.) on Saturday criticized the accord, '
     'saying the agreement goes "nowhere near far enough."', "Bernie Sanders"),
    ('On Tuesday, even as shares of Valeant were tumbling, Mr. Ackman wrote to investors, telling them '
     'Valeant was "worth multiples of the current market price."', "Ackman"),
])
def test_sources_with_participles_days_and_even_as_clauses(text, name):
    assert _speaker(text).name == name


def test_an_age_is_not_a_speaker():
    text = ('"You are going to see a variety of tactics," said Elizabeth Arnold, 32, a former staff member '
            'for the campaign who said she planned to demonstrate.')
    assert [s.speaker.name for s in extract(text, language="en") if s.speaker] == ["Elizabeth Arnold"]


@pytest.mark.parametrize("text, name", [
    ('Both candidates said it was no big deal. Sam Lau, the party spokesman, said in a statement. '
     '"There are no paper ballots to recount."', "Sam Lau"),
    ('"Hey, hey! Ho, ho! Rahm Emanuel has got to go!" some protesters chanted.', "some protesters"),
    ('The paradox of Nancy, says Carl Anthony, historian at the library, is that she was "one of the '
     'most powerful first ladies."', "Carl Anthony"),
])
def test_said_in_a_statement_before_a_quotation_chants_and_inverted_asides(text, name):
    assert _quotes(text)[-1].speaker.name == name


def test_a_relative_clause_credits_the_name_it_follows():
    text = ('On Thursday, Cruz scored his first endorsement from a Senate colleague, from Mike Lee, who '
            'declared in the spin room, "I am sending the signal that it is time to unite."')
    assert _speaker(text).name == "Mike Lee"


@pytest.mark.parametrize("text, name", [
    ('Al Sharpton spoke in Harlem. Eight years ago, he supported Barack Obama and said, "Hillary Clinton '
     'has never done nothing for us."', "Al Sharpton"),
    ('Quite suddenly, after Trump and Maples divorced, Susan Crawford said, "Marla called and said she '
     'could not do it."', "Susan Crawford"),
    ('Soon after Wasserman Schultz was booed, Tim Canova wrote to his followers, "It is time to end her '
     'political career."', "Tim Canova"),
    ('The prosecution played a clip that U.S. District Judge Michael W. Mosman called "distasteful."',
     "Michael W. Mosman"),
    ('"We will win," said Hillary Clinton. The leader of the Anti-Defamation League, Jonathan Greenblatt, '
     'warned against the ban. "We know what can happen," he said.', "Jonathan Greenblatt"),
])
def test_more_leading_phrases_that_someone_called_and_a_role_before_the_name(text, name):
    assert _quotes(text)[-1].speaker.name == name


def test_a_possessive_is_not_whom_she_means():
    text = ('"We will win," said Melania Trump. Trump\'s advisers expressed indignation at the coverage. '
            '"I read it once over," she said.')
    assert _quotes(text)[-1].speaker.name == "Melania Trump"


def test_a_surname_ending_in_ing_is_a_name_once_given_in_full():
    text = ('"We will win," said Bill Clinton. Betsy Ebeling has known Hillary since sixth grade. Like a '
            'family member, Ebeling said it is hard to watch the attacks. "It is the blessing and the '
            'curse," she said.')
    assert _quotes(text)[-1].speaker.name == "Ebeling"


@pytest.mark.parametrize("text, name", [
    ('"We will win," said Jeb Bush. Thirteen years earlier, Hillary Clinton had voted for the war. "I made '
     'a mistake," she said.', "Hillary Clinton"),
    ('"We will win," said Bonnie Baha. Rep. Brad Sherman (D-Calif.) last month joked to Janet Yellen that '
     'God did not want her to raise rates. "It would be a mistake," he said.', "Brad Sherman"),
])
def test_he_said_after_a_counted_time_phrase_or_last_month(text, name):
    assert _quotes(text)[-1].speaker.name == name


@pytest.mark.parametrize("text, name", [
    ("“Integration increases over time,” the report stated. “The children do better.”", "the report"),
    ("Reprising one of her favorite lines, the former secretary of state said she would keep "
     "the “progress we had under President Obama.”", "the former secretary of state"),
])
def test_a_noun_that_looks_like_a_verb_stays_in_the_speaker(text, name):
    assert _speaker(text).name == name


@pytest.mark.parametrize("text, name", [
    ("With her husband, former President Bill Clinton, standing by her side, Hillary Clinton has "
     "told her supporters that “we’re in this together.”", "Hillary Clinton"),
    ("Shortly afterward, McCain said on his Twitter feed that he was referring to the "
     "administration’s decisions, “not to the President himself.”", "McCain"),
])
def test_an_absolute_clause_or_afterward_opening_the_sentence_is_not_its_subject(text, name):
    assert _speaker(text).name == name


def test_a_newspaper_editorial_credits_the_newspaper():
    speaker = _speaker("“There are invertebrates that have shown more spine than Sen. Charles Grassley,” "
                       "reads a Wednesday editorial in The Des Moines Register.")
    assert (speaker.name, speaker.kind) == ("The Des Moines Register", "media")


def test_the_editorial_read_credits_the_editorial():
    speaker = _speaker("“If she wants to be the next president, she should come to Louisiana,” "
                       "the editorial read.")
    assert (speaker.name, speaker.kind) == ("the editorial", "media")


@pytest.mark.parametrize("text, name", [
    ("“It's not going to be easy,” said Representative Peter T. King of New York.", "Peter T. King"),
    ("“The caucuses are about expectations,” said Gov. Terry E. Branstad of Iowa.", "Terry E. Branstad"),
])
def test_a_name_with_an_initial_before_its_state_is_the_person(text, name):
    assert _speaker(text).name == name


def test_an_article_in_a_journal_credits_the_journal():
    speaker = _speaker("''Interviewers are likely to feel they are getting useful information,'' concluded "
                       "a 2013 article in the academic journal Judgment and Decision Making.")
    assert (speaker.name, speaker.kind) == ("Judgment and Decision Making", "media")


def test_a_when_clause_with_an_abbreviation_still_leads_the_sentence():
    assert _speaker("When Trump suggested that Cuba would sue the U.S. for reneging on the deal, Rubio "
                    "fired back forcefully: “If they sue us in a court in Miami, they’re going to lose.”"
                    ).name == "Rubio"


def test_a_verb_phrase_is_no_speaker_and_the_lawsuit_says_at_the_end_is():
    text = ('It also wants to stop state policies that have a "dramatic and disparate impact" on '
            'minorities, who are more likely to vote Democratic, the lawsuit says.')
    assert _speaker(text).name == "the lawsuit"


def test_a_name_with_an_initial_after_when_is_the_subject():
    text = ('Anxiety was underscored Wednesday when House Speaker Paul D. Ryan of Wisconsin lamented '
            'the "disheartened" state of the campaign.')
    assert _speaker(text).name == "Paul D. Ryan"


def test_a_failed_state_is_no_attribution_verb():
    text = ("In the April issue of The Atlantic, Pres. Obama admits the 2011 U.S. military action "
            "against Libya “didn’t work,” and the country has become a failed state.")
    assert _speaker(text).name == "Obama"


def test_according_to_inside_the_subject_names_the_source():
    speaker = _speaker("His criticism, according to an interview with The New York Times at the time, was "
                       "the president's choice: ''It was Monica! I mean, terrible choice.''")
    assert (speaker.name, speaker.kind) == ("The New York Times", "media")


@pytest.mark.parametrize("text, name, role", [
    ("Sanders’ fundraising email to his supporters notes that Jane Kim “is a civil rights attorney "
     "who’s fought for affordable housing.”", "Sanders", "fundraising email to his supporters"),
    ('Clinton\'s statement said she was "deeply saddened" by the news.', "Clinton", "statement"),
])
def test_a_persons_email_or_statement_credits_the_person(text, name, role):
    speaker = _speaker(text)
    assert (speaker.name, speaker.role) == (name, role)


def test_a_name_with_a_quoted_nickname_is_whom_he_means():
    text = ('A group marched in silence. Juan "Chico" Manriquez of Oakland carried one of the photos. '
            '"I pretty much cried the whole parade," he said.')
    assert _speaker(text).name == "Juan Manriquez"


def test_a_past_participle_phrase_leads_the_sentence():
    text = ('Flanked by Secret Service agents, Clinton stepped out of her motorcade near Stonewall and '
            'said she was "proud."')
    assert _speaker(text).name == "Clinton"


def test_she_never_means_a_man():
    text = 'Sen. Bernie Sanders spoke first at the rally in Iowa. "It just came out of my mouth," she said.'
    assert _speaker(text) is None


def test_his_own_pronoun_shows_a_man_so_she_goes_back_to_the_woman():
    text = ('Brenda Johnson also railed against immigrants at the rally, where Buck Sexton spoke. Sexton '
            'then threw up his hands in mock exasperation. "They should speak English in public," she said.')
    assert _speaker(text).name == "Brenda Johnson"


def test_a_first_name_after_a_kinship_role_is_a_person():
    text = ('Sen. Bernie Sanders spoke first. But his wife, Jane, offered a preview of his thinking '
            'in an interview. "We will continue no matter what," she said.')
    assert _speaker(text).name == "Jane"


def test_a_name_between_commas_before_said_is_the_speaker_not_the_topic():
    text = ('Trump, Sexton said, has created a “strange, reality-bending political correctness-free zone.” '
            '“So afterwards, his supporters feel justified,” he said.')
    assert [q.speaker.name for q in _quotes(text)] == ["Sexton", "Sexton"]


def test_a_quotation_ending_a_relative_clause_belongs_to_its_subject():
    text = ('The candidate herself took to the airwaves during an interview with Univision, in which '
            'Clinton expressed confidence that her server would not be an issue “that is going to affect '
            'either the campaign or my presidency.”')
    assert _speaker(text).name == "Clinton"


def test_a_contracted_has_keeps_the_name_as_subject():
    text = ('Marco Rubio spoke first on Saturday. Chris Christie was on stage too. Christie\'s been making '
            'the case for weeks that Rubio isn\'t ready for the White House. "You have not been involved '
            'in a consequential decision," he said.')
    assert _speaker(text).name == "Christie"


@pytest.mark.parametrize("text, name", [
    ('Early in his campaign, Trump attacked Romney, calling him “a failed candidate.”', "Trump"),
    ("To quickly alert local law enforcement, the message continues, ''please hold a rally sign over "
     "your head.''", "the message"),
])
def test_an_opening_adverbial_or_purpose_clause_is_no_speaker(text, name):
    assert _speaker(text).name == name


@pytest.mark.parametrize("text, name", [
    ('Hillary Clinton won easily. Florida is one of the quintessential swing states, and Clinton aimed '
     'her victory speech at Trump. "We know we\'ve got work to do," she told a cheering crowd.', "Hillary Clinton"),
    ('Sen. Chris Murphy spoke of the shooting at Sandy Hook. In that sense, Sandy Hook wasn’t just a '
     'national tragedy, but a personal summons. “This was something different,” he added.', "Chris Murphy"),
])
def test_a_place_or_a_common_word_is_nobody_a_pronoun_can_mean(text, name):
    assert _speaker(text).name == name


def test_a_possessive_before_a_full_name_is_its_role():
    speaker = _speaker('"It is a long campaign," said Pennsylvania\'s Patrick J. Toomey.')
    assert (speaker.name, speaker.role) == ("Patrick J. Toomey", "Pennsylvania's")


def test_a_pronoun_with_no_subject_before_goes_to_the_last_person_of_its_gender_named():
    text = ('The most telling promise Mrs. Clinton has made is that she will not overpromise. '
            '"We don\'t need any more of that," she has said.')
    assert _speaker(text).name == "Clinton"


@pytest.mark.parametrize("text, name", [
    ('She said her proposals were effective and strong, to which O\'Malley interjected: "It\'s just not true."',
     "O'Malley"),
    ('Mukasey, the attorney general under former President George W. Bush, criticized Clinton’s email use, '
     'which an FBI investigation said was “extremely careless” but did not warrant charges.',
     "an FBI investigation"),
])
def test_the_subject_of_a_relative_clause_speaks(text, name):
    assert _speaker(text).name == name


def test_a_person_introduced_by_a_name_is_whom_she_means():
    text = ('Donald Trump repeated the word. The woman who started it all identified herself to CNN as a '
            '52-year-old Salem, N.H., resident named Caroline. “He truly cares about the American people,” '
            'she said of Trump.')
    assert _speaker(text).name == "Caroline"


def test_a_description_with_a_list_of_adjectives_speaks():
    text = ('"From Day One, I made climate change the top priority," the bespectacled, 71-year-old '
            'diplomat said in an interview.')
    assert _speaker(text).name == "the bespectacled, 71-year-old diplomat"


@pytest.mark.parametrize("text, name", [
    ('After former California Gov. Jerry Brown criticized Bill Clinton during a debate, Hillary shot back, '
     '“I suppose I could have chosen to bake cookies and have teas.”', "Hillary"),
    ("Gov. Chris Christie spoke last. Giant screens hanging over the arena glittered with a proclamation: "
     "''Over the Top.'' It is time, he said, ''for a caring, genuine and decent person.''", "Chris Christie"),
    ("Donald Trump watched. Having sputtered in his own run, Mr. Christie nevertheless gave the crowd his all. "
     "It is time, he said, ''for a caring, genuine and decent person to lead.''", "Christie"),
])
def test_the_subject_past_a_leading_clause_or_a_capitalised_common_word(text, name):
    assert _quotes(text)[-1].speaker.name == name


def test_a_short_quotation_after_said_frames_the_quotation_that_follows_in_its_clause():
    text = ('Ted Cruz says his “friend and colleague” Marco Rubio ran “an optimistic campaign focused on '
            'the future of our party.”')
    assert [q.speaker.name for q in _quotes(text)] == ["Ted Cruz", "Ted Cruz"]


def test_a_one_word_name_with_a_who_clause_is_a_person():
    text = ('Shonda Rhimes spoke first. Meanwhile Rihanna, who was honored with the Rockstar award, spoke '
            'about self-love. “The minute you learn to love yourself, you would not want to be anyone else,” '
            'she said.')
    assert _speaker(text).name == "Rihanna"


def test_he_skips_a_woman_known_by_her_title_and_finds_the_man_named_after_her():
    text = ("Rhonda Hughes works at the plant. "
            "Ms. Hughes avoids discussing the election with her mother, but their neighbor Benjamin Green, 83, "
            "knows just what Washington needs. ''It'll take a junkyard dog to straighten this country out,'' he said.")
    assert _speaker(text).name == "Benjamin Green"


def test_the_subject_of_a_later_clause_is_whom_he_means():
    text = ("Walter Hanson spoke first. Some conservative members of Congress have been sympathetic, but "
            "Representative Brooks, who has welcomed support from the Tea Party, doesn't mince words about "
            "where he stands. ''We're going to have to do whatever is necessary,'' he said.")
    assert _speaker(text).name == "Brooks"


@pytest.mark.parametrize("text, names", [
    ('Ted Cruz accuses Obama of "leading from behind" and Donald Trump says he\'s "losing the war on terrorism."',
     ["Ted Cruz", "Donald Trump"]),
    ('Bernie Sanders called Trump a "pathological liar." Carly Fiorina said Ted Cruz "says whatever he needs '
     'to say to get elected."', ["Bernie Sanders", "Carly Fiorina"]),
])
def test_a_name_and_verb_after_a_quotation_that_start_a_new_clause_do_not_claim_it(text, names):
    assert [q.speaker.name for q in _quotes(text)] == names


def test_a_name_with_an_apposition_holding_a_relative_clause_speaks():
    text = ('“Clinton needs a strategy for targeting Johnson voters,” Nate Silver, the polling guru who '
            'founded fivethirtyeight.com tweeted on Wednesday.')
    assert _speaker(text).name == "Nate Silver"


def test_an_age_after_a_first_name_apposition_keeps_the_name():
    text = ('Roy Hermann left early. Her father, Brad, 39, worried that too many voters limit the news they '
            'read. "People are afraid of wasting their votes," he surmised.')
    assert _speaker(text).name == "Brad"


def test_a_pronoun_closing_a_participle_phrase_is_the_speaker():
    text = ('Ben Carson addressed his concerns in another interview with "The View," remarking from New '
            'Hampshire he did not feel “this is a very difficult investigation.”')
    assert _quotes(text)[-1].speaker.name == "Ben Carson"


def test_a_quotation_ending_in_a_quoted_phrase_keeps_the_speaker_after_it():
    # ''...'Fox and Friends,''' : the inner quotation's closing mark sits before the attribution
    text = ("Mr. Conant said the network had changed. ''I remember when the madrassa story first "
            "appeared on 'Fox and Friends,''' said Tommy Vietor, a former spokesman for Mr. Obama.")
    assert [q.speaker.name for q in _quotes(text)][-1] == "Tommy Vietor"
