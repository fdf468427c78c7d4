using CommunityModel.Referrals;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Referrals;

public class ReferralProperties
{
    private static readonly Arbitrary<(int Member, int Sponsor, bool Administrative)[]> Attempts =
        Gen.Choose(1, 12).SelectMany(m => Gen.Choose(1, 12).SelectMany(s => Gen.Elements(false, true).Select(a => (m, s, a))))
            .ArrayOf().ToArbitrary();

    [Property(MaxTest = 1000)]
    public Property No_random_sequence_of_bindings_ever_creates_a_cycle() =>
        Prop.ForAll(Attempts, attempts =>
        {
            var network = new ReferralNetwork(new ReferralOptions { Mode = ReferralBindingMode.LatestReferralOverrides }, new FakeTimeProvider());
            for (var m = 1; m <= 12; m++)
            {
                network.Register(m);
            }

            foreach (var (member, sponsor, administrative) in attempts)
            {
                var before = network.SponsorOf(member);
                try
                {
                    _ = administrative ? (IDomainEvent)network.Reassign(member, sponsor, "test") : network.Bind(member, sponsor);
                }
                catch (ReferralException)
                {
                    if (network.SponsorOf(member) != before)
                    {
                        return false;
                    }
                }
            }

            // Create rejects cycles, so building the snapshot is the proof; every upline must also end at a root.
            var snapshot = network.Snapshot();
            return Enumerable.Range(1, 12).All(m => snapshot.Upline(m).All(u => u != new MemberId(m)));
        });

    [Property(MaxTest = 1000)]
    public Property The_snapshot_agrees_with_a_plain_walk_of_the_links() =>
        Prop.ForAll(Gen.Choose(1, 60).SelectMany(n => Gen.Choose(0, 1000).ArrayOf(n)).ToArbitrary(), picks =>
        {
            // Member k+1 is sponsored by an earlier member or none: always a forest.
            var links = picks.Select((p, k) => new ReferralLink(k + 1, k == 0 || p % 5 == 0 ? default : new MemberId(p % k + 1))).Reverse().ToArray();
            var sponsor = links.ToDictionary(l => l.Member, l => l.Sponsor);
            var snapshot = NetworkSnapshot.Create(links);
            return links.All(l =>
            {
                var walk = Ancestors(sponsor, l.Member);
                var downline = links.Where(o => Ancestors(sponsor, o.Member).Contains(l.Member)).Select(o => o.Member).Order();
                return snapshot.Upline(l.Member).SequenceEqual(walk) && snapshot.Downline(l.Member).Order().SequenceEqual(downline);
            });
        });

    private static List<MemberId> Ancestors(Dictionary<MemberId, MemberId> sponsor, MemberId member)
    {
        var result = new List<MemberId>();
        for (var s = sponsor[member]; !s.IsEmpty; s = sponsor[s])
        {
            result.Add(s);
        }

        return result;
    }
}
