using CommunityModel.Campaigns;
using CommunityModel.Campaigns.FlashSales;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Orleans.Activities;
using CommunityModel.Orleans.Members;
using CommunityModel.Orleans.Plays;
using CommunityModel.Roles;
using FsCheck;
using FsCheck.Fluent;
using static CommunityModel.Memberships.SeedBusiness;

namespace CommunityModel.Orleans.Tests.Orders;

/// <summary>
/// Cluster orders carry the same roles as the single-process community — the buyer's care team (推广员 → 培训师 → 管理员) and
/// the organiser of the activity the sale was made within — and the plan's role rules pay them through the one conversion
/// (<see cref="CommunityRoleMap.CommissionableOrderOf"/>): the same lines, to the fen, and the same reversals.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RoleLinesTests(ClusterFixture fixture)
{
    // Offsets of the members in a block: the buyer's sponsor, the buyer, the care team, the organiser.
    private const int Sponsor = 0, Buyer = 1, Promoter = 2, Trainer = 3, Manager = 4, Organiser = 5, Members = 6;

    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task A_play_sale_with_a_care_team_and_an_organiser_pays_the_communitys_lines_to_the_fen()
    {
        var first = fixture.NextIds(Members);
        var outcome = await RunBoth(first, new Sale(Money.Cny(990m), CareTeam: 0b111, Organised: true, Refund: Money.Cny(330m)));

        // ¥990: 10% to the sponsor, 3% / 2% / 1% to the buyer's promoter, trainer and manager, 5% to the organiser.
        Assert.Equal(
            [
                (first + Sponsor, "cluster/level-1", Money.Cny(99m)),
                (first + Promoter, "cluster/role-recruiter", Money.Cny(29.7m)),
                (first + Trainer, "cluster/role-coach", Money.Cny(19.8m)),
                (first + Manager, "cluster/role-supervisor", Money.Cny(9.9m)),
                (first + Organiser, "cluster/role-host", Money.Cny(49.5m)),
            ],
            outcome.Cluster.Accrued.Select(a => (a.Key.Beneficiary.Value, a.Key.Rule, a.Amount)));
        Assert.Equal(outcome.Reference.Accrued, outcome.Cluster.Accrued);

        // A third refunded: a third of each line reversed, the same in both.
        Assert.Equal(
            [(first + Sponsor, Money.Cny(33m)), (first + Promoter, Money.Cny(9.9m)), (first + Trainer, Money.Cny(6.6m)), (first + Manager, Money.Cny(3.3m)), (first + Organiser, Money.Cny(16.5m))],
            outcome.Cluster.Reversed.Select(r => (r.Key.Beneficiary.Value, r.Amount)));
        Assert.Equal(outcome.Reference.Reversed, outcome.Cluster.Reversed);
        Assert.Equal(outcome.Reference.Balances, outcome.Cluster.Balances);

        // Everything was delivered; the buyer's stream holds the care team, the activity's stream its organiser.
        Assert.Equal(0, await Grains.GetGrain<Orleans.Orders.IOrderGrain>($"o-{first}").DeliverFollowUps());
        var care = (await Grains.GetGrain<IMemberGrain>(first + Buyer).GetMember())!.CareTeam;
        Assert.Equal([(WorkRole.Promoter, first + Promoter), (WorkRole.Trainer, first + Trainer), (WorkRole.Manager, first + Manager)], care.Select(c => (c.Role, c.Holder.Value)));
        Assert.Equal(first + Organiser, await Grains.GetGrain<IActivityGrain>($"fs-{first}").GetOrganiser());

        // Deactivated and activated again (from a snapshot and the events after it, or by replaying the stream), the grains
        // hold the same care team, organiser and balances.
        await Grains.GetGrain<global::Orleans.Runtime.IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal(care.AsEnumerable(), (await Grains.GetGrain<IMemberGrain>(first + Buyer).GetMember())!.CareTeam.AsEnumerable());
        Assert.Equal(first + Organiser, await Grains.GetGrain<IActivityGrain>($"fs-{first}").GetOrganiser());
        foreach (var (member, balance) in outcome.Cluster.Balances)
        {
            Assert.Equal(balance, await Grains.GetGrain<IMemberGrain>(member.Value).GetBalance());
        }
    }

    [Fact]
    public async Task Care_places_and_organisers_are_refused_as_the_community_refuses_them_and_an_activity_stores_only_its_own_organiser()
    {
        var first = fixture.NextIds(Members);
        foreach (var i in Enumerable.Range(0, Members))
        {
            await Execute(new RegisterMember(first + i));
        }

        var notHeld = await Execute(new AssignCare(first + Buyer, WorkRole.Trainer, first + Trainer));
        await Execute(new GrantWorkRole(first + Trainer, WorkRole.Trainer));
        var self = await Execute(new AssignCare(first + Trainer, WorkRole.Trainer, first + Trainer));
        var unknown = await Execute(new AssignCare(first + Buyer, WorkRole.Trainer, first + Members + 1_000_000));
        var organiserUnknown = await Grains.GetGrain<IMemberGrain>(first + Members + 1_000_000).Execute(new OrganiseActivity(first + Members + 1_000_000, "fs-x"));
        var removed = await Execute(new RemoveMember(first + Organiser, "fraud"));
        Assert.True(removed.Accepted, removed.Accepted ? "" : removed.Refusals[0].Message);
        var organiserHeld = await Execute(new OrganiseActivity(first + Organiser, $"fs-{first}"));

        Assert.Equal((ErrorCodes.RolesNotHeld, "Holder"), (notHeld.Refusals[0].Code, notHeld.Refusals[0].Field));
        Assert.Equal((ErrorCodes.RolesSelfCare, "Holder"), (self.Refusals[0].Code, self.Refusals[0].Field));
        Assert.Equal((ErrorCodes.CommunityUnknownMember, "Holder"), (unknown.Refusals[0].Code, unknown.Refusals[0].Field));
        Assert.Equal((ErrorCodes.CommunityUnknownMember, "Organiser"), (organiserUnknown.Refusals[0].Code, organiserUnknown.Refusals[0].Field));
        Assert.Equal((ErrorCodes.CommunityMemberHeld, "Organiser"), (organiserHeld.Refusals[0].Code, organiserHeld.Refusals[0].Field));
        Assert.Empty((await Grains.GetGrain<IMemberGrain>(first + Buyer).GetMember())!.CareTeam);

        // The activity's grain stores only its own activity, organised by a member; the same organiser again is a repeat.
        var activity = Grains.GetGrain<IActivityGrain>($"fs-{first}");
        var now = fixture.Clock.GetUtcNow();
        await Assert.ThrowsAsync<ArgumentException>(() => activity.Record(new ActivityOrganised(first + Sponsor, "another", now)));
        await Assert.ThrowsAsync<ArgumentException>(() => activity.Record(new ActivityOrganised(default, $"fs-{first}", now)));
        Assert.Equal(0, await activity.GetOrganiser());
        Assert.True(await activity.Record(new ActivityOrganised(first + Sponsor, $"fs-{first}", now)));
        Assert.False(await activity.Record(new ActivityOrganised(first + Sponsor, $"fs-{first}", now)));
        Assert.Equal(first + Sponsor, await activity.GetOrganiser());
    }

    /// <summary>
    /// Any price, any part of the care team, with or without an organiser (the buyer organising their own sale included),
    /// any part refunded: the cluster's lines, reversals and balances are the community's.
    /// </summary>
    [FsCheck.Xunit.Property(MaxTest = 6)]
    public Property Any_sale_with_roles_pays_the_same_lines_through_the_cluster_as_through_the_community() =>
        Prop.ForAll(
            Gen.Choose(1, 198_000).SelectMany(fen => Gen.Choose(0, 7).SelectMany(team => Gen.Choose(0, 2).SelectMany(organised => Gen.Choose(0, 100).Select(refund =>
                new Sale(Money.FromMinorUnits(fen, Currency.CNY), team, organised > 0, Money.FromMinorUnits((long)fen * refund / 100, Currency.CNY), OrganiserBuys: organised == 2))))).ToArbitrary(),
            sale =>
            {
                var outcome = RunBoth(fixture.NextIds(Members), sale).GetAwaiter().GetResult();
                Assert.Equal(outcome.Reference.Accrued, outcome.Cluster.Accrued);
                Assert.Equal(outcome.Reference.Reversed, outcome.Cluster.Reversed);
                Assert.Equal(outcome.Reference.Balances, outcome.Cluster.Balances);
            });

    private async Task<CommandOutcome> Execute(CommunityCommand command)
    {
        var member = command switch
        {
            RegisterMember c => c.Member,
            GrantWorkRole c => c.Member,
            AssignCare c => c.Customer,
            OrganiseActivity c => c.Organiser,
            PlaceOrder c => c.Member,
            RefundOrder c => c.Member,
            RemoveMember c => c.Member,
            _ => throw new ArgumentException($"{command.GetType().Name} is not used here.", nameof(command)),
        };
        return await Grains.GetGrain<IMemberGrain>(member.Value).Execute(command);
    }

    // The same sale through the cluster and through one Community with the same plan, role map and clock.
    private async Task<(Paid Reference, Paid Cluster)> RunBoth(long first, Sale sale)
    {
        var clock = fixture.Clock;
        var commissions = new CommunityCommissions(ClusterFixture.Calculator, new CommissionLedger(ClusterFixture.LedgerOptions, clock), ClusterFixture.RoleMap);
        var community = fixture.SingleProcess(commissions);
        var id = (int offset) => new MemberId(first + offset);
        var organiser = sale.OrganiserBuys ? Buyer : Organiser;
        var activity = $"fs-{first}";
        var commands = new List<CommunityCommand>
        {
            new RegisterMember(id(Sponsor)),
            new RegisterMember(id(Buyer), id(Sponsor)),
            new RegisterMember(id(Promoter)),
            new RegisterMember(id(Trainer)),
            new RegisterMember(id(Manager)),
            new RegisterMember(id(Organiser)),
        };
        foreach (var (role, holder) in new[] { (WorkRole.Promoter, Promoter), (WorkRole.Trainer, Trainer), (WorkRole.Manager, Manager) }.Where((_, i) => (sale.CareTeam & (1 << i)) != 0))
        {
            commands.Add(new GrantWorkRole(id(holder), role));
            commands.Add(new AssignCare(id(Buyer), role, id(holder)));
        }

        if (sale.Organised)
        {
            commands.Add(new OrganiseActivity(id(organiser), activity));
        }

        foreach (var command in commands)
        {
            community.Execute(command);
            var outcome = await Execute(command);
            Assert.True(outcome.Accepted, $"{command}: {(outcome.Accepted ? "" : outcome.Refusals[0].Message)}");
        }

        // The community sells through its flash sale; the cluster's buyer places the same order within the cluster's flash sale.
        var now = clock.GetUtcNow();
        var play = new FlashSale(community, new CampaignOptions(), clock);
        play.Schedule(activity, OnlineCourses, sale.Price, now.AddHours(-1), now.AddHours(1), 10, 1);
        var placed = play.Buy(id(Buyer), $"o-{first}");
        var scheduled = await Grains.GetGrain<IFlashSaleGrain>(activity).Schedule(OnlineCourses, sale.Price, now.AddHours(-1), now.AddHours(1), 10, 1);
        Assert.True(scheduled.Accepted, scheduled.Accepted ? "" : scheduled.Refusals[0].Message);
        var sold = await Execute(new PlaceOrder(id(Buyer), $"o-{first}", OnlineCourses, sale.Price, "flash sale") { Play = activity, PlayKind = PlayKind.FlashSale });
        Assert.True(sold.Accepted, sold.Accepted ? "" : sold.Refusals[0].Message);
        List<IDomainEvent> referenceEvents = [.. placed.CommunityEvents];

        var refund = sale.Refund;
        if (refund.IsPositive)
        {
            referenceEvents.AddRange(community.Execute(new RefundOrder(id(Buyer), $"o-{first}", $"r-{first}", refund)).Events);
            var refunded = await Execute(new RefundOrder(id(Buyer), $"o-{first}", $"r-{first}", refund));
            Assert.True(refunded.Accepted, refunded.Accepted ? "" : refunded.Refusals[0].Message);
        }

        // The buyer's orders are the community's, roles and all (the organiser of the play's activity included).
        Assert.Equal(community.OrdersOf(id(Buyer)).AsEnumerable(), await Grains.GetGrain<IMemberGrain>(first + Buyer).GetOrders());

        var members = Enumerable.Range(0, Members).Select(id).ToArray();
        var reference = Paid.Of(referenceEvents, members.Select(m => (m, AccountBalance.From(commissions.Ledger.BalanceOf(m)))));
        var clusterEvents = new List<IDomainEvent>();
        var balances = new List<(MemberId, AccountBalance)>();
        foreach (var member in members)
        {
            var grain = Grains.GetGrain<IMemberGrain>(member.Value);
            clusterEvents.AddRange(await grain.GetAccountEvents());
            balances.Add((member, await grain.GetBalance()));
        }

        return (reference, Paid.Of(clusterEvents, balances));
    }

    private sealed record Sale(Money Price, int CareTeam, bool Organised, Money Refund, bool OrganiserBuys = false);

    private sealed record Paid(CommissionAccrued[] Accrued, CommissionReversed[] Reversed, (MemberId, AccountBalance)[] Balances)
    {
        // Lines in one order (beneficiary, then rule), with the time they were entered left out: the two paths enter them at the same clock but each at its own call.
        public static Paid Of(IEnumerable<IDomainEvent> events, IEnumerable<(MemberId, AccountBalance)> balances)
        {
            var list = events.ToList();
            return new(
                [.. list.OfType<CommissionAccrued>().Select(a => a with { OccurredAt = default, AvailableAt = default }).OrderBy(a => a.Key.Beneficiary).ThenBy(a => a.Key.Rule, StringComparer.Ordinal)],
                [.. list.OfType<CommissionReversed>().Select(r => r with { OccurredAt = default }).OrderBy(r => r.Key.Beneficiary).ThenBy(r => r.Key.Rule, StringComparer.Ordinal)],
                [.. balances]);
        }

        public bool Equals(Paid? other) =>
            other is not null && Accrued.SequenceEqual(other.Accrued) && Reversed.SequenceEqual(other.Reversed) && Balances.SequenceEqual(other.Balances);

        public override int GetHashCode() => Accrued.Length;
    }
}
