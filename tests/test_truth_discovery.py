"""Truth discovery on small worlds whose right answer can be reasoned out by hand."""

from collections import Counter

from verify.reliability import DiscoveryResult, Trust, discover


def majority(claims):
    votes = {}
    for _, subject, value in claims:
        votes.setdefault(subject, Counter())[value] += 1
    return {s: c.most_common(1)[0][0] for s, c in votes.items()}


def copy_ring_world():
    """Two careful sources (R1, R2) against a careless one (B) that C1 and C2 copy verbatim.

    x0..x3: R1, R2 say the truth "t"; B and its two copies say "b" -> 3 against 2.
    y0..y5: two more independent witnesses (W1, W2) side with R1, R2, exposing B's copies as
            sharing six false values.
    z0..z3: R1 (z0, z1) and R2 (z2, z3) each slip once on their own, so the careful pair
            visibly does not copy each other.
    a0..a9: all five agree, so the ring is right as often as it is wrong and its accuracy
            alone does not give it away.
    """
    claims = []
    for i in range(4):
        s = f"x{i}"
        claims += [("R1", s, "t"), ("R2", s, "t"), ("B", s, "b"), ("C1", s, "b"), ("C2", s, "b")]
    for i in range(6):
        s = f"y{i}"
        claims += [("R1", s, "t"), ("R2", s, "t"), ("W1", s, "t"), ("W2", s, "t")]
        claims += [("B", s, "b"), ("C1", s, "b"), ("C2", s, "b")]
    for i in range(4):
        s = f"z{i}"
        slip = "R1" if i < 2 else "R2"
        for source in ("R1", "R2", "B", "C1", "C2"):
            claims.append((source, s, f"slip-{source}" if source == slip else "t"))
    for i in range(10):
        claims += [(source, f"a{i}", "t") for source in ("R1", "R2", "B", "C1", "C2")]
    return claims


def test_copies_of_a_bad_source_do_not_outvote_two_careful_ones():
    claims = copy_ring_world()
    vote = majority(claims)
    assert [vote[f"x{i}"] for i in range(4)] == ["b"] * 4  # counting heads gets these wrong

    result = discover(claims)

    assert all(value == "t" for value in result.truth.values())
    assert result.converged
    copying = {frozenset((c.a, c.b)): c for c in result.copying}
    for pair in (("B", "C1"), ("B", "C2"), ("C1", "C2")):
        ring = copying[frozenset(pair)]
        assert ring.probability > 0.9
        assert ring.shared_false == 10 and ring.different == 0 and ring.overlap == 24
    careful = copying[frozenset(("R1", "R2"))]
    assert careful.probability < 0.5
    assert careful.different == 4
    assert min(result.trust["R1"].score, result.trust["R2"].score) > result.trust["B"].score


def test_explain_shows_the_copies_votes_discounted():
    result = discover(copy_ring_world())
    why = result.explain("x0")
    assert why.truth == "t" and why.values[0].value == "t"
    bad = next(v for v in why.values if v.value == "b")
    independence = {vote.source: vote.independence for vote in bad.votes}
    # one of the ring counts in full, the other two only as far as they might be independent
    assert sorted(independence.values())[-1] == 1.0
    assert sorted(independence.values())[1] < 0.5
    good = why.values[0]
    assert sum(v.weight for v in good.votes) > sum(v.weight for v in bad.votes)
    assert "R1" in str(why) and "independence" in str(why)


def test_copy_detection_is_what_rescues_the_careful_pair():
    claims = copy_ring_world()
    blind = discover(claims, detect_copying=False)
    aware = discover(claims)
    wrong_blind = sum(blind.truth[f"x{i}"] != "t" for i in range(4))
    wrong_aware = sum(aware.truth[f"x{i}"] != "t" for i in range(4))
    assert wrong_aware == 0 and wrong_blind > 0
    assert all(c.probability == 0.0 for c in blind.copying)


def within_a_minute(subject, a, b):
    return 1.0 if abs(a - b) <= 1 else 0.0


def test_similar_values_support_each_other():
    # five sources read the clock a minute apart; three agree exactly on a distant time
    claims = [
        ("A", "dep", 1150),
        ("B", "dep", 1151),
        ("C", "dep", 1151),
        ("D", "dep", 1152),
        ("E", "dep", 1152),
        ("F", "dep", 900),
        ("G", "dep", 900),
        ("H", "dep", 900),
    ]
    assert majority(claims)["dep"] == 900
    assert discover(claims).truth["dep"] == 900  # without similarity, exact agreement wins

    result = discover(claims, similarity=within_a_minute)
    # 1151 is backed by its own two readings and by both neighbours (half weight each)
    assert result.truth["dep"] == 1151
    top = result.explain("dep").values[0]
    assert top.value == 1151 and top.score > top.confidence
    assert result.trust["F"].score < result.trust["B"].score


def test_priors_decide_a_subject_the_evidence_leaves_open():
    claims = [("wire", "toll", "12"), ("blog", "toll", "40")]
    neutral = discover(claims)
    assert neutral.belief["toll"]["12"] == neutral.belief["toll"]["40"]
    assert neutral.trust["wire"].score == neutral.trust["blog"].score

    trusted_blog = discover(claims, priors={"blog": 0.95, "wire": 0.4})
    assert trusted_blog.truth["toll"] == "40"
    assert trusted_blog.belief["toll"]["40"] > trusted_blog.belief["toll"]["12"]
    assert trusted_blog.trust["blog"].score > trusted_blog.trust["wire"].score


def test_priors_fade_under_evidence():
    # the prior favours "bad", but on twenty subjects it contradicts three agreeing sources
    claims = []
    for i in range(20):
        claims += [("bad", i, "no"), ("a", i, "yes"), ("b", i, "yes"), ("c", i, "yes")]
    result = discover(claims, priors={"bad": 0.99})
    assert all(v == "yes" for v in result.truth.values())
    assert result.trust["bad"].score < 0.2


def test_trust_interval_is_wide_without_evidence_and_narrows_with_it():
    few = discover([("a", 0, "x"), ("b", 0, "x")])
    many = discover([(s, i, "x") for i in range(200) for s in ("a", "b")])
    t_few, t_many = few.trust["a"], many.trust["a"]
    assert isinstance(t_few, Trust)
    assert t_few.low <= t_few.score <= t_few.high and t_many.low <= t_many.score <= t_many.high
    assert (t_few.high - t_few.low) > 3 * (t_many.high - t_many.low)
    assert t_few.n == 1 and t_many.n == 200


def test_empty_input():
    result = discover([])
    assert isinstance(result, DiscoveryResult)
    assert result.truth == {} and result.belief == {} and result.trust == {} and result.copying == []
    assert result.converged


def three_careful_sources(echo=None):
    """R1, R2, R3 each slip twice on their own; ECHO, if asked, republishes the consensus."""
    claims = []
    for i in range(16):
        s = f"s{i}"
        values = {
            "R1": "slip" if i in (1, 3) else "t",
            "R2": "slip" if i in (6, 11) else "t",
            "R3": "slip" if i in (5, 13) else "t",
        }
        claims += [(source, s, value) for source, value in values.items()]
        if echo:
            claims.append((echo, s, Counter(values.values()).most_common(1)[0][0]))
    return claims


def test_a_source_that_only_repeats_the_consensus_gains_nothing_from_copy_detection():
    """ECHO never says anything of its own. Agreeing with the truth is what independent
    careful sources do too, so that alone must not brand it a copier, must not change any
    answer, and copy detection must not be what raises its trust."""
    alone = discover(three_careful_sources())
    result = discover(three_careful_sources(echo="ECHO"))
    assert result.truth == alone.truth
    assert all(v == "t" for v in result.truth.values())
    blind = discover(three_careful_sources(echo="ECHO"), detect_copying=False)
    assert result.trust["ECHO"].score <= blind.trust["ECHO"].score + 1e-9
    for c in result.copying:
        assert c.probability < 0.5
        if "ECHO" in (c.a, c.b):
            assert c.shared_false == 0 and c.shared_true == 14 and c.different == 2
    # the careful sources are judged exactly as they were without the echo
    for source in ("R1", "R2", "R3"):
        assert abs(result.trust[source].score - alone.trust[source].score) < 0.02


def test_only_sources_that_meet_are_paired():
    claims = [("a", 1, "x"), ("b", 1, "x"), ("c", 2, "y"), ("d", 2, "y")]
    pairs = {frozenset((c.a, c.b)) for c in discover(claims).copying}
    assert pairs == {frozenset("ab"), frozenset("cd")}


def test_deterministic_and_reports_convergence():
    claims = copy_ring_world()
    first, second = discover(claims), discover(claims)
    assert first.truth == second.truth and first.belief == second.belief
    assert first.trust == second.trust and first.copying == second.copying
    assert first.iterations <= 100 and first.converged
    cut = discover(claims, max_iter=2)
    assert cut.iterations == 2 and not cut.converged


def test_a_source_giving_two_values_splits_its_vote():
    claims = [("a", "s", "x"), ("a", "s", "y"), ("b", "s", "y"), ("a", "s", "x")]
    result = discover(claims)
    assert result.truth["s"] == "y"
    assert result.belief["s"]["y"] > result.belief["s"]["x"]
    votes = {v.value: {vote.source: vote for vote in v.votes} for v in result.explain("s").values}
    # the duplicate claim counts once, and a's two values share one vote between them
    a_x, a_y, b_y = votes["x"]["a"], votes["y"]["a"], votes["y"]["b"]
    assert a_x.weight / a_x.independence == a_y.weight / a_y.independence
    assert b_y.weight > a_x.weight
