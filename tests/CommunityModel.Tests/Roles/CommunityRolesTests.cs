using CommunityModel.Persistence;
using CommunityModel.Roles;
using CommunityModel.Tests.Community;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;
using static CommunityModel.Memberships.SeedBusiness;

namespace CommunityModel.Tests.Roles;

/// <summary>Work roles (推广员, 培训师, 管理员) with their history, and each customer's care team, in the community.</summary>
public class CommunityRolesTests
{
    private static readonly MemberId Ann = 1, Bo = 2, Cai = 3, Customer = 9;
    private readonly FakeTimeProvider _clock = new(TestCommunity.Start);

    [Fact]
    public void Roles_are_granted_and_revoked_with_their_history_and_a_repeat_grant_changes_nothing()
    {
        var community = Registered();
        var granted = community.Execute(new GrantWorkRole(Ann, WorkRole.Promoter));
        var again = community.Execute(new GrantWorkRole(Ann, WorkRole.Promoter));
        _clock.Advance(TimeSpan.FromDays(30));
        community.Execute(new RevokeWorkRole(Ann, WorkRole.Promoter, "moved to training"));
        community.Execute(new GrantWorkRole(Ann, WorkRole.Trainer));

        Assert.Equal([(Ann, WorkRole.Promoter, TestCommunity.Start)], granted.Events.Cast<WorkRoleGranted>().Select(g => (g.Member, g.Role, g.OccurredAt)));
        Assert.True(again.IsRepeat);
        Assert.True(community.Member(Ann).RoleTerms.SequenceEqual(
            [new WorkRoleTerm(WorkRole.Promoter, TestCommunity.Start, TestCommunity.Start.AddDays(30)), new WorkRoleTerm(WorkRole.Trainer, TestCommunity.Start.AddDays(30), null)]));
        Assert.False(community.Member(Ann).Holds(WorkRole.Promoter));
        Assert.True(community.Member(Ann).Holds(WorkRole.Trainer));
    }

    [Fact]
    public void A_care_team_records_who_recruited_trained_and_manages_and_a_new_holder_replaces_the_old()
    {
        var community = Team();
        community.Execute(new GrantWorkRole(Cai, WorkRole.Trainer));
        var replaced = community.Execute(new AssignCare(Customer, WorkRole.Trainer, Cai));
        var repeat = community.Execute(new AssignCare(Customer, WorkRole.Trainer, Cai));

        Assert.Single(replaced.Events);
        Assert.True(repeat.IsRepeat);
        Assert.Equal([WorkRole.Promoter, WorkRole.Trainer, WorkRole.Manager], community.Member(Customer).CareTeam.Select(c => c.Role));
        Assert.Equal(Ann, community.Member(Customer).CareOf(WorkRole.Promoter));
        Assert.Equal(Cai, community.Member(Customer).CareOf(WorkRole.Trainer));
        Assert.Equal(default, community.Member(Ann).CareOf(WorkRole.Trainer));
    }

    [Fact]
    public void An_order_carries_the_care_team_as_roles_and_a_buyer_without_one_carries_none()
    {
        var community = Team();
        community.Execute(new PlaceOrder(Customer, "o-1", Bootcamp));
        community.Execute(new PlaceOrder(Ann, "o-2", Bootcamp));

        Assert.Equal(new Dictionary<string, MemberId> { ["promoter"] = Ann, ["trainer"] = Bo, ["manager"] = Cai }, community.OrdersOf(Customer)[0].Roles);
        Assert.Empty(community.OrdersOf(Ann)[0].Roles);
        Assert.Equal(community.OrdersOf(Customer)[0].Roles, community.StreamOf(Customer).Orders[0].Roles);
    }

    [Fact]
    public void A_members_own_stream_folds_the_same_roles_as_the_community()
    {
        var community = Registered();
        var events = new List<IDomainEvent>();
        community.Execute(new GrantWorkRole(Ann, WorkRole.Promoter));
        var stream = community.StreamOf(Customer);
        events.AddRange(community.Execute(new AssignCare(Customer, WorkRole.Promoter, Ann)).Events);
        events.AddRange(community.Execute(new PlaceOrder(Customer, "o-1", Bootcamp)).Events);

        foreach (var e in events.Where(e => CommunityModel.MemberStream.MemberOf(e) == Customer))
        {
            stream = community.Stream.Evolve(stream, e);
        }

        Assert.Equal(Ann, stream.Orders[^1].Roles[OrderRoles.Promoter]);
        Assert.Equal(Ann, stream.Member!.CareOf(WorkRole.Promoter));
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Every_refusal_names_its_code_and_field_and_changes_nothing(string name, CommunityCommand command, string code, string field)
    {
        var community = Team();
        community.Execute(new PlaceOrder(8, "o-8", Bootcamp));
        community.Execute(new SuspendMember(8, "rules"));
        var before = Json(community);

        var error = Assert.ThrowsAny<CommunityModelException>(() => community.Execute(command));

        Assert.True(error.ErrorCode == code, name);
        Assert.Equal(field, error.Refusals[0].Field);
        Assert.Equal(before, Json(community));
    }

    public static TheoryData<string, CommunityCommand, string, string> Refusals => new()
    {
        { "unknown member", new GrantWorkRole(77, WorkRole.Promoter), ErrorCodes.CommunityUnknownMember, "Member" },
        { "not a role", new GrantWorkRole(Ann, (WorkRole)9), ErrorCodes.RolesInvalidCommand, "Role" },
        { "held member", new GrantWorkRole(8, WorkRole.Trainer), ErrorCodes.CommunityMemberHeld, "Member" },
        { "revoke unheld", new RevokeWorkRole(Ann, WorkRole.Manager, "never had it"), ErrorCodes.RolesNotHeld, "Role" },
        { "revoke in care", new RevokeWorkRole(Bo, WorkRole.Trainer, "leaving"), ErrorCodes.RolesHolderInCare, "Member" },
        { "revoke no reason", new RevokeWorkRole(Ann, WorkRole.Promoter, " "), ErrorCodes.CommunityInvalidCommand, "Reason" },
        { "assign non-holder", new AssignCare(Customer, WorkRole.Manager, Ann), ErrorCodes.RolesNotHeld, "Holder" },
        { "assign self", new AssignCare(Ann, WorkRole.Promoter, Ann), ErrorCodes.RolesSelfCare, "Holder" },
        { "assign unknown customer", new AssignCare(77, WorkRole.Promoter, Ann), ErrorCodes.CommunityUnknownMember, "Customer" },
        { "assign unknown holder", new AssignCare(Customer, WorkRole.Promoter, 77), ErrorCodes.CommunityUnknownMember, "Holder" },
        { "assign held holder", new AssignCare(Customer, WorkRole.Manager, 8), ErrorCodes.CommunityMemberHeld, "Holder" },
    };

    [Fact]
    public void Revoking_a_role_still_in_care_names_the_customers()
    {
        var community = Team();

        var error = Assert.Throws<CommunityException>(() => community.Execute(new RevokeWorkRole(Bo, WorkRole.Trainer, "leaving")));

        Assert.Contains($"the Trainer of 1 customer(s) ({Customer})", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Forgeries))]
    public void A_forged_role_event_is_refused_on_replay(string name, IDomainEvent forged)
    {
        var history = new List<IDomainEvent>();
        var community = TestCommunity.Create(_clock);
        foreach (var id in new MemberId[] { Ann, Customer })
        {
            history.AddRange(community.Execute(new RegisterMember(id)).Events);
        }

        history.AddRange(community.Execute(new GrantWorkRole(Ann, WorkRole.Promoter)).Events);
        history.Add(forged);

        var error = Assert.Throws<ReplayException>(() => CommunityModel.Community.Replay(history, TestCommunity.Create(_clock)));

        Assert.Equal(ErrorCodes.CommunityReplayMismatch, error.ErrorCode);
        Assert.Equal(history.Count - 1, error.Index);
        Assert.False(string.IsNullOrEmpty(name));
    }

    public static TheoryData<string, IDomainEvent> Forgeries => new()
    {
        { "granted twice", new WorkRoleGranted(Ann, WorkRole.Promoter, TestCommunity.Start) },
        { "revoked unheld", new WorkRoleRevoked(Ann, WorkRole.Manager, "x", TestCommunity.Start) },
        { "care by a non-holder", new CareAssigned(Customer, WorkRole.Trainer, Ann, TestCommunity.Start) },
        { "care of oneself", new CareAssigned(Ann, WorkRole.Promoter, Ann, TestCommunity.Start) },
    };

    [Fact]
    public void Role_events_have_stable_names_and_round_trip()
    {
        var registry = new EventTypeRegistry(CommunityEventTypes.All);
        IDomainEvent[] events =
        [
            new WorkRoleGranted(Ann, WorkRole.Trainer, TestCommunity.Start),
            new WorkRoleRevoked(Ann, WorkRole.Trainer, "left", TestCommunity.Start),
            new CareAssigned(Customer, WorkRole.Manager, Ann, TestCommunity.Start),
        ];
        var serializer = new EventSerializer(registry);

        Assert.Equal(["roles.work_role_granted.v1", "roles.work_role_revoked.v1", "roles.care_assigned.v1"], events.Select(e => serializer.Serialize(e).Type));
        Assert.All(events, e => Assert.Equal(e, serializer.Deserialize(serializer.Serialize(e))));
    }

    [Property(MaxTest = 150)]
    public Property Replay_and_snapshot_give_the_live_community() =>
        Prop.ForAll(Scripts, steps =>
        {
            var clock = new FakeTimeProvider(TestCommunity.Start);
            var community = TestCommunity.Create(clock);
            var events = new List<IDomainEvent>();
            var orders = 0;
            foreach (var (kind, a, b) in steps)
            {
                CommunityCommand command = kind switch
                {
                    0 => new RegisterMember(a),
                    1 => new GrantWorkRole(a, (WorkRole)(b % 3)),
                    2 => new RevokeWorkRole(a, (WorkRole)(b % 3), "rotation"),
                    3 => new AssignCare(a, (WorkRole)(b % 3), (MemberId)(1 + (b % 5))),
                    4 => new PlaceOrder(a, $"o-{++orders}", b % 2 == 0 ? Bootcamp : Vip),
                    _ => new RefundOrder(a, $"o-{1 + (b % Math.Max(orders, 1))}", $"r-{b}-{orders}", Money.Cny(1 + (b % 100))),
                };
                try
                {
                    events.AddRange(community.Execute(command).Events);
                }
                catch (CommunityModelException)
                {
                }

                clock.Advance(TimeSpan.FromHours(b % 50));
            }

            var replayed = CommunityModel.Community.Replay(events, TestCommunity.Create(clock));
            var restored = TestCommunity.Create(clock);
            restored.Restore(System.Text.Json.JsonSerializer.Deserialize(Json(community), CommunityJsonContext.Default.CommunitySnapshot)!);
            Assert.Equal(Json(community), Json(replayed));
            Assert.Equal(Json(community), Json(restored));
            foreach (var member in community.Members)
            {
                Assert.All(community.OrdersOf(member.Id), o => Assert.All(o.Roles, r => Assert.True(community.Member(r.Value).RoleTerms.Any(t => OrderRoles.NameOf(t.Role) == r.Key))));
            }
        });

    private static Arbitrary<(int Kind, int A, int B)[]> Scripts { get; } =
        Gen.Choose(0, 5).SelectMany(kind => Gen.Choose(1, 5).SelectMany(a => Gen.Choose(0, 1000).Select(b => (kind, a, b)))).ArrayOf().ToArbitrary();

    private CommunityModel.Community Registered()
    {
        var community = TestCommunity.Create(_clock);
        foreach (var id in new MemberId[] { Ann, Bo, Cai, 8, Customer })
        {
            community.Execute(new RegisterMember(id));
        }

        return community;
    }

    private CommunityModel.Community Team()
    {
        var community = Registered();
        community.Execute(new GrantWorkRole(Ann, WorkRole.Promoter));
        community.Execute(new GrantWorkRole(Bo, WorkRole.Trainer));
        community.Execute(new GrantWorkRole(Cai, WorkRole.Manager));
        community.Execute(new GrantWorkRole(8, WorkRole.Manager));
        community.Execute(new AssignCare(Customer, WorkRole.Promoter, Ann));
        community.Execute(new AssignCare(Customer, WorkRole.Trainer, Bo));
        community.Execute(new AssignCare(Customer, WorkRole.Manager, Cai));
        return community;
    }

    private static string Json(CommunityModel.Community community) =>
        System.Text.Json.JsonSerializer.Serialize(community.ToSnapshot(), CommunityJsonContext.Default.CommunitySnapshot);
}
