using System.Text.Json;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Orleans.Members;
using CommunityModel.Persistence;
using FsCheck;
using FsCheck.Fluent;
using static CommunityModel.Memberships.SeedBusiness;

namespace CommunityModel.Orleans.Tests.Community;

/// <summary>
/// The member grains host the library's member-stream decider: the same commands through the cluster and through one
/// in-process <see cref="CommunityModel.Community"/> (same catalog, plan, options, commission plan and clock) give the same
/// refusals, stages, memberships, orders, balances and member numbers.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class MemberStreamEquivalenceTests(ClusterFixture fixture)
{
    private const int Members = 6;
    private static readonly string[] Items = [TrialClass, Bootcamp, OfflineCourse, PartnerPackage, GiftPackTier, Vip, Ka];

    private static Arbitrary<(int Kind, int Member, int Arg)[]> Scripts { get; } =
        Gen.Choose(0, 10).SelectMany(kind => Gen.Choose(0, Members - 1).SelectMany(member => Gen.Choose(0, 1000).Select(arg => (kind, member, arg))))
            .ArrayOf()
            .Select(steps => steps.Take(30).ToArray())
            .ToArbitrary();

    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task A_worked_example_gives_the_communitys_stages_membership_orders_commissions_and_numbers()
    {
        var first = fixture.NextIds(3);
        var script = new (int, int, int)[]
        {
            (0, 0, 0), (0, 1, 1), (0, 2, 1),   // 0 ← 1 ← 2
            (1, 2, 5),                         // member 2 buys VIP: its sponsor and the one above earn, member 2 is numbered
            (1, 1, 1),                         // member 1 buys a bootcamp
            (4, 2, 1),                         // member 2 is refunded ¥1 of the VIP order
            (6, 1, 0),                         // member 1 suspended: earns nothing on the next order
            (1, 2, 6),                         // member 2 upgrades to KA
            (8, 0, 1),                         // member 0 withdraws part of its balance
        };

        var outcomes = await RunBoth(first, script);

        Assert.All(outcomes, o => Assert.True(o.Same, o.Step));
        var reference = outcomes.Reference;
        var (vip, ka) = (reference.Community.OrdersOf(first + 2)[0], reference.Community.OrdersOf(first + 2)[1]);
        Assert.Equal((Vip, Ka), (vip.Item, ka.Item));
        // The sponsor earns 10% of the VIP order and, suspended by then, nothing of the KA upgrade.
        Assert.Equal(vip.Paid.Multiply(Rate.FromPercent(10)), reference.Commissions.Ledger.BalanceOf(first + 1).Available);
        Assert.Equal(AccountBalance.From(reference.Commissions.Ledger.BalanceOf(first + 1)), await Grains.GetGrain<IMemberGrain>(first + 1).GetBalance());
        Assert.NotNull(reference.Community.Member(first + 2).Number);
        await AssertSameState(first, Members: 3, reference);
    }

    [FsCheck.Xunit.Property(MaxTest = 8)]
    public Property Random_commands_through_the_cluster_equal_the_single_process_community() =>
        Prop.ForAll(Scripts, script =>
        {
            var first = fixture.NextIds(Members);
            var outcomes = RunBoth(first, script).GetAwaiter().GetResult();
            Assert.All(outcomes, o => Assert.True(o.Same, o.Step));
            AssertSameState(first, Members, outcomes.Reference).GetAwaiter().GetResult();
        });

    private async Task<StepOutcomes> RunBoth(long first, (int Kind, int Member, int Arg)[] script)
    {
        var clock = fixture.Clock;
        var ledger = new CommissionLedger(ClusterFixture.LedgerOptions, clock);
        var commissions = new CommunityCommissions(ClusterFixture.Calculator, ledger);
        var community = fixture.SingleProcess(commissions);
        var outcomes = new StepOutcomes(new Reference(community, commissions));
        var orders = new List<(long Member, string Id)>();
        var step = 0;
        foreach (var (kind, index, arg) in script)
        {
            step++;
            var member = first + index;
            var id = new MemberId(member);
            var tag = $"{first}-{step}";
            if (kind == 8)
            {
                // A withdrawal of part of what the reference holds (or of 1 fen when it holds nothing: both refuse).
                var available = ledger.BalanceOf(id).Available.MinorUnits;
                var wanted = Math.Max(1, available / (1 + (arg % 3)));
                var expected = ledger.TryRequestWithdrawal($"w-{tag}", id, Money.FromMinorUnits(wanted, Currency.CNY));
                var decided = await Grains.GetGrain<IMemberGrain>(member).RequestWithdrawal($"w-{tag}", wanted);
                outcomes.Add($"{step}: withdraw {wanted} by {member}", expected.Succeeded == decided.Accepted);
                continue;
            }

            CommunityCommand command = kind switch
            {
                0 => new RegisterMember(id, arg % 3 == 0 || index == 0 ? default : new MemberId(first + (arg % index))),
                1 or 2 or 3 => new PlaceOrder(id, $"o-{tag}", Items[arg % Items.Length]),
                4 when orders.Count > 0 => Refund(orders[arg % orders.Count], tag, arg),
                5 => new ConsumeEntitlement(id, arg % 2 == 0 ? OfflineCourse : BackEndCapital, $"k-{arg}"),
                6 => arg % 2 == 0 ? new SuspendMember(id, "rule breach") : new ReinstateMember(id, "review passed"),
                7 => arg % 10 == 0 ? new RemoveMember(id, "fraud") : new RevokePromoterRights(id, "rules"),
                9 => new DowngradeMembership(id, Vip),
                _ => new PlaceOrder(id, $"o-{tag}", Items[arg % Items.Length]),
            };

            string? refused = null;
            try
            {
                community.Execute(command);
            }
            catch (CommunityModelException e)
            {
                refused = e.ErrorCode;
            }

            var outcome = await Grains.GetGrain<IMemberGrain>(command is RefundOrder r ? r.Member.Value : member).Execute(command);
            var clusterRefused = outcome.Accepted ? null : outcome.Refusals[0].Code;
            var why = outcome.Accepted ? "" : $" ({outcome.Refusals[0].Message})";
            outcomes.Add($"{step}: {command} refused by the community as {refused ?? "-"}, by the cluster as {clusterRefused ?? "-"}{why}", refused == clusterRefused || (refused == ErrorCodes.CommunityMemberExists && outcome.IsRepeat));
            if (command is PlaceOrder placed && refused is null)
            {
                orders.Add((member, placed.OrderId));
            }

            clock.Advance(TimeSpan.FromHours(arg % 400));
        }

        return outcomes;
    }

    private static RefundOrder Refund((long Member, string Id) order, string tag, int arg) =>
        new(new MemberId(order.Member), order.Id, $"r-{tag}", arg % 2 == 0 ? null : Money.Cny(1 + (arg % 300)));

    private async Task AssertSameState(long first, int Members, Reference reference)
    {
        var numbers = new Dictionary<string, long>(StringComparer.Ordinal);
        var scheme = new CommunityModel.MemberNumbers.MemberNumberIssuer(new CommunityModel.MemberNumbers.MemberNumberOptions());
        for (var i = 0; i < Members; i++)
        {
            var id = new MemberId(first + i);
            var grain = Grains.GetGrain<IMemberGrain>(id.Value);
            var held = await grain.GetMember();
            if (!reference.Community.Contains(id))
            {
                Assert.Null(held);
                continue;
            }

            var m = reference.Community.Member(id);
            var expected = new CommunityMemberSnapshot(m.Id, m.Lifecycle.ToSnapshot(), m.Membership?.ToSnapshot(), m.Number?.Text, m.NetSpent, m.LastActiveAt, m.QualifiedBy, m.QualifyingOrder, m.ReferralsWithMembership)
            {
                ReferralsCounted = reference.Community.StreamOf(id).ReferralsCounted,
                RoleTerms = m.RoleTerms,
                CareTeam = m.CareTeam,
            };
            Assert.NotNull(held);
            Assert.Equal(Json(expected with { Number = null }), Json(held with { Number = null }));
            Assert.Equal(reference.Community.OrdersOf(id).AsEnumerable(), await grain.GetOrders());
            Assert.Equal(AccountBalance.From(reference.Commissions.Ledger.BalanceOf(id)), await grain.GetBalance());

            // The cluster's issuer counted the members of earlier runs too: each prefix is the community's sequence, shifted by one offset.
            Assert.Equal(expected.Number is null, held.Number is null);
            if (expected.Number is { } text)
            {
                var (want, got) = (scheme.Parse(text), scheme.Parse(held.Number!));
                Assert.Equal(want.Prefix, got.Prefix);
                var offset = got.Sequence - want.Sequence;
                Assert.Equal(numbers.TryAdd(want.Prefix, offset) ? offset : numbers[want.Prefix], offset);
            }
        }
    }

    private static string Json(CommunityMemberSnapshot snapshot) =>
        JsonSerializer.Serialize(snapshot, CommunityJsonContext.Default.CommunityMemberSnapshot);

    private sealed record Reference(CommunityModel.Community Community, CommunityCommissions Commissions);

    private sealed class StepOutcomes(Reference reference) : List<(string Step, bool Same)>
    {
        public Reference Reference { get; } = reference;

        public void Add(string step, bool same) => Add((step, same));
    }
}
