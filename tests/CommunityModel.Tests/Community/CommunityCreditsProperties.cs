using CommunityModel.Credits;
using CommunityModel.Persistence;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Community;

/// <summary>Referral credits in the community over random commands: orders, refunds, redemptions, closes of periods.</summary>
public class CommunityCreditsProperties
{
    private static Arbitrary<(int Kind, int Member, int Arg)[]> Scripts { get; } =
        Gen.Choose(0, 11).SelectMany(kind => Gen.Choose(1, 6).SelectMany(member => Gen.Choose(0, 1000).Select(arg => (kind, member, arg))))
            .ArrayOf()
            .ToArbitrary();

    [Property(MaxTest = 200)]
    public Property Credits_are_conserved_and_the_replay_of_the_events_holds_the_same_credits() =>
        Prop.ForAll(Scripts, script =>
        {
            var clock = new FakeTimeProvider(TestCommunity.Start);
            var community = TestCommunity.Create(clock, credits: CommunityCreditsTests.Rules());
            var events = CommunityProperties.Run(community, clock, script);

            var replayed = CommunityModel.Community.Replay(events, TestCommunity.Create(clock, credits: CommunityCreditsTests.Rules()));

            Assert.Equal(Json(community), Json(replayed));
            Assert.Equal(community.Members.OrderBy(m => m.Id), replayed.Members.OrderBy(m => m.Id));
            Assert.All(community.Credits!.Accounts, a => Assert.Equal(a.Earned, a.Redeemed + a.Expired + a.Reversed + a.Balance));
            Assert.All(events.OfType<CreditsEarned>(), e => Assert.Equal(e.Member, community.SponsorOf(e.Referred)));
        });

    [Property(MaxTest = 150)]
    public Property A_snapshot_taken_anywhere_then_the_events_after_it_holds_the_same_credits_as_the_replay() =>
        Prop.ForAll(Scripts, Gen.Choose(0, 100).ToArbitrary(), (script, cut) =>
        {
            var clock = new FakeTimeProvider(TestCommunity.Start);
            var community = TestCommunity.Create(clock, credits: CommunityCreditsTests.Rules());
            var prefix = script[..(script.Length * cut / 100)];
            var before = CommunityProperties.Run(community, clock, prefix);
            var json = System.Text.Json.JsonSerializer.Serialize(community.ToSnapshot(), CommunityJsonContext.Default.CommunitySnapshot);
            var after = CommunityProperties.Run(community, clock, script[prefix.Length..]);

            var restored = TestCommunity.Create(clock, credits: CommunityCreditsTests.Rules());
            restored.Restore(System.Text.Json.JsonSerializer.Deserialize(json, CommunityJsonContext.Default.CommunitySnapshot)!);
            after.ForEach(restored.Apply);
            var replayed = CommunityModel.Community.Replay(before.Concat(after), TestCommunity.Create(clock, credits: CommunityCreditsTests.Rules()));

            Assert.Equal(Json(replayed), Json(restored));
            Assert.Equal(Json(community), Json(restored));
        });

    private static string Json(CommunityModel.Community community) =>
        System.Text.Json.JsonSerializer.Serialize(community.Credits!.ToSnapshot(), CommunityJsonContext.Default.CreditsSnapshot);
}
