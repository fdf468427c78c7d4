using CommunityModel.Organisation;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Organisation;

/// <summary>Invariants of the organisation over random requests, refused ones included.</summary>
public class OrganisationProperties
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8));

    [Property(MaxTest = 300)]
    public Property An_elections_result_does_not_depend_on_the_order_of_its_votes() =>
        Prop.ForAll(
            Gen.Choose(2, 4).SelectMany(candidates => Gen.Choose(0, candidates - 1).ArrayOf().Select(votes => (candidates, votes))).ToArbitrary(),
            Gen.Choose(0, 1000).ToArbitrary(),
            Gen.Elements(ElectionTieRule.NoWinner, ElectionTieRule.FirstListed).ToArbitrary(),
            (election, seed, tieRule) =>
            {
                var (candidates, votes) = election;
                var opened = new ElectionOpened("e", "class", [.. Enumerable.Range(1, candidates).Select(c => (MemberId)c)], [.. Enumerable.Range(1, Math.Max(votes.Length, 1)).Select(v => (MemberId)(100 + v))], Start);
                var cast = votes.Select(v => opened.Candidates[v]).ToArray();
                var shuffled = cast.OrderBy(_ => new Random(seed).Next()).ToArray();
                var options = new OrganisationOptions { TieRule = tieRule, ElectionQuorum = Rate.FromPercent(seed % 101) };

                var a = CommunityModel.Organisation.Organisation.Count(opened, cast, options);
                var b = CommunityModel.Organisation.Organisation.Count(opened, shuffled, options);

                Assert.Equal((a.Outcome, a.Winner, a.Turnout), (b.Outcome, b.Winner, b.Turnout));
                Assert.Equal(a.Tally.AsEnumerable(), b.Tally);
                Assert.Equal(votes.Length, a.Tally.Sum(t => t.Votes));
                if (a.Outcome == ElectionOutcome.Elected)
                {
                    Assert.Equal(a.Tally.Max(t => t.Votes), a.Tally.Single(t => t.Candidate == a.Winner).Votes); // the winner has the most votes
                }
            });

    [Property(MaxTest = 200)]
    public Property The_replay_of_the_events_of_any_requests_is_the_live_organisation_and_each_member_is_in_one_group() =>
        Prop.ForAll(
            Gen.Choose(0, 7).SelectMany(kind => Gen.Choose(1, 8).SelectMany(member => Gen.Choose(0, 100).Select(arg => (kind, member, arg)))).ArrayOf().ToArbitrary(),
            script =>
            {
                var clock = new FakeTimeProvider(Start);
                var options = new OrganisationOptions();
                var organisation = new CommunityModel.Organisation.Organisation(options, clock);
                var events = new List<IOrganisationEvent>();
                string[] groups = ["class-1", "squad-1", "squad-2", "class-2"];
                events.Add(organisation.FoundGroup("class-1", GroupKind.Class, "hq", "一班"));
                events.Add(organisation.FoundGroup("class-2", GroupKind.Class, "hq", "二班"));
                events.Add(organisation.FoundGroup("squad-1", GroupKind.Squad, "class-1", "一组"));
                events.Add(organisation.FoundGroup("squad-2", GroupKind.Squad, "class-1", "二组"));
                var elections = 0;
                foreach (var (kind, memberNumber, arg) in script)
                {
                    MemberId member = memberNumber;
                    try
                    {
                        switch (kind)
                        {
                            case 0: events.Add(organisation.Join(member, groups[arg % 4])); break;
                            case 1: events.AddRange(organisation.Move(member, groups[arg % 4], "moved")); break;
                            case 2: events.AddRange(organisation.Leave(member, "left")); break;
                            case 3: events.AddRange(organisation.Appoint(groups[arg % 4], member, "appointed")); break;
                            case 4: events.Add(organisation.OpenElection($"e-{++elections}", arg % 2 == 0 ? "class-1" : "class-2", [member, (MemberId)(1 + (arg % 8))])); break;
                            case 5: events.Add(organisation.Vote($"e-{Math.Max(elections, 1)}", member, (MemberId)(1 + (arg % 8)))); break;
                            case 6: events.AddRange(organisation.CloseElection($"e-{Math.Max(elections, 1)}")); break;
                            default: events.Add(organisation.RegisterActivity($"a-{arg}", groups[arg % 4], member, "Public class", "renewals", clock.GetUtcNow().AddDays(2), clock.GetUtcNow().AddDays(2).AddHours(1))); break;
                        }
                    }
                    catch (OrganisationException)
                    {
                        // refused: nothing changed
                    }

                    clock.Advance(TimeSpan.FromHours(arg));
                }

                var replayed = CommunityModel.Organisation.Organisation.Replay(events, options, clock);

                Assert.Equal(organisation.Groups.AsEnumerable(), replayed.Groups);
                var everyone = organisation.MembersUnder("hq");
                Assert.Equal(everyone.Length, everyone.Distinct().Count()); // nobody is in two groups
                foreach (var m in Enumerable.Range(1, 8).Select(i => (MemberId)i))
                {
                    Assert.Equal(organisation.HistoryOf(m).AsEnumerable(), replayed.HistoryOf(m));
                    Assert.True(organisation.HistoryOf(m).Count(s => s.Until is null) <= 1);
                }

                foreach (var g in organisation.Groups.Where(g => g.Leader is not null))
                {
                    Assert.Contains(g.Leader!.Value, organisation.MembersUnder(g.Id)); // a leader is always one of the group
                }
            });
}
