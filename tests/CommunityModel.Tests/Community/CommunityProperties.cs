using CommunityModel.Memberships;
using CommunityModel.Metrics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;
using static CommunityModel.Memberships.SeedBusiness;

namespace CommunityModel.Tests.Community;

/// <summary>Invariants of the community over random command sequences, refused commands included.</summary>
public class CommunityProperties
{
    private static readonly string[] Items = [TrialClass, Bootcamp, OfflineCourse, PartnerPackage, GiftPackTier, Vip, Ka];

    internal static Arbitrary<(int Kind, int Member, int Arg)[]> Scripts { get; } =
        Gen.Choose(0, 10).SelectMany(kind => Gen.Choose(1, 6).SelectMany(member => Gen.Choose(0, 1000).Select(arg => (kind, member, arg))))
            .ArrayOf()
            .ToArbitrary();

    [Property(MaxTest = 300)]
    public Property The_state_after_any_commands_equals_the_replay_of_their_events_and_money_is_conserved_per_member() =>
        Prop.ForAll(Scripts, script =>
        {
            var clock = new FakeTimeProvider(TestCommunity.Start);
            var community = TestCommunity.Create(clock, new CommunityOptions { PromoterTiers = [Ka], PromoterSpendingThreshold = Money.Cny(5000m) });
            var events = Run(community, clock, script);

            var replayed = CommunityModel.Community.Replay(events, TestCommunity.Create(clock, community.Options));

            Assert.Equal(community.Members.OrderBy(m => m.Id), replayed.Members.OrderBy(m => m.Id));
            foreach (var member in community.Members)
            {
                Assert.Equal(community.OrdersOf(member.Id).AsEnumerable(), replayed.OrdersOf(member.Id));
                var paid = community.OrdersOf(member.Id).Aggregate(Money.Zero(Currency.CNY), (sum, o) => sum + o.Paid);
                var refunded = community.OrdersOf(member.Id).Aggregate(Money.Zero(Currency.CNY), (sum, o) => sum + o.Refunded);
                Assert.Equal(paid - refunded, member.NetSpent);
                Assert.All(community.OrdersOf(member.Id), o => Assert.True(!o.Refunded.IsNegative && o.Refunded <= o.Paid, $"{o.OrderId}: refunded {o.Refunded} of {o.Paid}"));
                Assert.Equal(PaidIn(events, member.Id) - RefundedIn(events, member.Id), member.NetSpent);
            }
        });

    [Property(MaxTest = 200)]
    public Property A_snapshot_taken_anywhere_then_the_events_after_it_equals_the_replay_of_every_event() =>
        Prop.ForAll(Scripts, Gen.Choose(0, 100).ToArbitrary(), (script, cut) =>
        {
            var clock = new FakeTimeProvider(TestCommunity.Start);
            var options = new CommunityOptions { PromoterTiers = [Ka], PromoterSpendingThreshold = Money.Cny(5000m) };
            var prefix = script[..(script.Length * cut / 100)];
            var community = TestCommunity.Create(clock, options);
            var before = Run(community, clock, prefix);
            var json = System.Text.Json.JsonSerializer.Serialize(community.ToSnapshot(), CommunityModel.Persistence.CommunityJsonContext.Default.CommunitySnapshot);
            var after = Run(community, clock, script[prefix.Length..]);

            var restored = TestCommunity.Create(clock, options);
            restored.Restore(System.Text.Json.JsonSerializer.Deserialize(json, CommunityModel.Persistence.CommunityJsonContext.Default.CommunitySnapshot)!);
            after.ForEach(restored.Apply);
            var replayed = CommunityModel.Community.Replay(before.Concat(after), TestCommunity.Create(clock, options));

            Assert.Equal(replayed.Members.OrderBy(m => m.Id), restored.Members.OrderBy(m => m.Id));
            Assert.Equal(community.Members.OrderBy(m => m.Id), restored.Members.OrderBy(m => m.Id));
            Assert.All(community.Members, m => Assert.Equal(community.OrdersOf(m.Id).AsEnumerable(), restored.OrdersOf(m.Id)));
            Assert.Equal(community.Network().Count, restored.Network().Count);
        });

    /// <summary>Runs a script against a community, skipping refused commands (they change nothing); returns the events.</summary>
    internal static List<IDomainEvent> Run(CommunityModel.Community community, FakeTimeProvider clock, (int Kind, int Member, int Arg)[] script)
    {
        var events = new List<IDomainEvent>();
        var orders = 0;
        foreach (var (kind, memberNumber, arg) in script)
        {
            MemberId member = memberNumber;
            CommunityCommand command = kind switch
            {
                0 => new RegisterMember(member, arg % 3 == 0 ? default : (MemberId)(1 + (arg % 6))),
                1 or 2 or 3 => new PlaceOrder(member, $"o-{++orders}", Items[arg % Items.Length]),
                4 => new RefundOrder(member, $"o-{1 + (arg % Math.Max(orders, 1))}", $"r-{arg}", arg % 2 == 0 ? null : Money.Cny(1 + (arg % 300))),
                5 => new ConsumeEntitlement(member, arg % 2 == 0 ? OfflineCourse : BackEndCapital, $"k-{arg}"),
                6 => arg % 2 == 0 ? new SuspendMember(member, "rule breach") : new ReinstateMember(member, "review passed"),
                7 => new RecordFact(new ActivityRecorded(member, clock.GetUtcNow())),
                8 => new ClosePeriod(),
                9 => arg % 10 == 0 ? new RemoveMember(member, "fraud") : new RevokePromoterRights(member, "rules"),
                11 => new RedeemCredits(member, $"x-{arg % 20}", arg % 2 == 0 ? Bootcamp : TrialClass),
                _ => new DowngradeMembership(member, Vip),
            };
            try
            {
                events.AddRange(community.Execute(command).Events);
            }
            catch (CommunityModelException)
            {
                // refused: nothing changed
            }

            clock.Advance(TimeSpan.FromDays(arg % 40));
        }

        return events;
    }

    private static Money PaidIn(List<IDomainEvent> events, MemberId member) =>
        events.Aggregate(Money.Zero(Currency.CNY), (sum, e) => sum + e switch
        {
            ProductPurchased p when p.Member == member => p.Paid,
            MembershipPurchased { OrderId: not null } p when p.MemberId == member => p.Paid,
            MembershipRenewed { OrderId: not null } r when r.MemberId == member => r.Paid,
            MembershipUpgraded { OrderId: not null } u when u.MemberId == member => u.Charged,
            PromoterRightsGranted { OrderId: not null, Paid: { } paid } g when g.MemberId == member => paid,
            _ => Money.Zero(Currency.CNY),
        });

    private static Money RefundedIn(List<IDomainEvent> events, MemberId member) =>
        events.Aggregate(Money.Zero(Currency.CNY), (sum, e) => sum + e switch
        {
            ProductRefunded r when r.Member == member => r.Amount,
            MembershipRefunded { RefundId: not null } r when r.MemberId == member => r.Amount,
            _ => Money.Zero(Currency.CNY),
        });
}
