using CommunityModel.Referrals;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;
using static CommunityModel.Memberships.SeedBusiness;

namespace CommunityModel.Tests.Community.Streams;

/// <summary>
/// One member's stream, folded alone from the member's own events, is what the whole community holds for that member:
/// the decider a distributed host runs per member sees exactly the state the in-process community decides on.
/// </summary>
public class MemberStreamProperties
{
    [Property(MaxTest = 200)]
    public Property Each_members_own_events_fold_to_the_state_the_community_holds_for_the_member() =>
        Prop.ForAll(CommunityProperties.Scripts, script =>
        {
            var clock = new FakeTimeProvider(TestCommunity.Start);
            var community = TestCommunity.Create(clock, new CommunityOptions { PromoterTiers = [Ka], PromoterSpendingThreshold = Money.Cny(5000m) });
            var events = CommunityProperties.Run(community, clock, script);

            foreach (var member in community.Members)
            {
                var own = events.Where(e => MemberStream.MemberOf(e) == member.Id);
                var folded = own.Aggregate(MemberStreamState.Empty(member.Id), community.Stream.Evolve);
                var held = community.StreamOf(member.Id);

                Assert.Equal(held.Member, folded.Member);
                Assert.Equal(held.Sponsor, folded.Sponsor);
                Assert.Equal(held.Orders.AsEnumerable(), folded.Orders);
                Assert.Equal(held.Refunds.AsEnumerable(), folded.Refunds);
            }
        });

    [Property(MaxTest = 150)]
    public Property A_command_decided_on_a_members_folded_stream_gives_the_events_the_community_gives() =>
        Prop.ForAll(CommunityProperties.Scripts, Gen.Choose(1, 6).ToArbitrary(), Gen.Choose(0, 6).ToArbitrary(), (script, memberNumber, itemIndex) =>
        {
            var clock = new FakeTimeProvider(TestCommunity.Start);
            var community = TestCommunity.Create(clock);
            var events = CommunityProperties.Run(community, clock, script);
            MemberId member = memberNumber;
            var folded = events.Where(e => MemberStream.MemberOf(e) == member).Aggregate(MemberStreamState.Empty(member), community.Stream.Evolve);
            var command = new PlaceOrder(member, "next-order", new[] { TrialClass, Bootcamp, OfflineCourse, PartnerPackage, GiftPackTier, Vip, Ka }[itemIndex]);

            MemberDecision? decided = null;
            string? refusedByStream = null;
            try
            {
                decided = community.Stream.Decide(folded, command);
            }
            catch (CommunityModelException e)
            {
                refusedByStream = e.ErrorCode;
            }

            try
            {
                var change = community.Execute(command);
                Assert.NotNull(decided);
                var memberEvents = change.Events.Where(e => MemberStream.MemberOf(e) == member && e is not ReferralLocked and not MemberNumberIssued);
                Assert.Equal(decided.Events.AsEnumerable(), memberEvents);
            }
            catch (CommunityModelException e)
            {
                Assert.Equal(e.ErrorCode, refusedByStream);
            }
        });
}
