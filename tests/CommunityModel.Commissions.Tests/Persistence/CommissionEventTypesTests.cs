using System.Text;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Persistence;
using CommunityModel.Persistence;

namespace CommunityModel.Commissions.Tests.Persistence;

public class CommissionEventTypesTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 10, 30, 0, TimeSpan.FromHours(8));
    private static readonly CommissionKey Key = new("o-1/1", 3, "level");
    private static readonly EventSerializer Serializer = new(new EventTypeRegistry([.. CommunityEventTypes.All, .. CommissionEventTypes.All]));

    private static readonly IDomainEvent[] Samples =
    [
        new CommissionAccrued(Key, 1, Money.Cny(360m), Money.Cny(3600m), At.AddDays(7), At),
        new RefundRecorded("o-1/1", "r-1", Money.Cny(1800m), At),
        new CommissionReversed(Key, "r-1", Money.Cny(180m), At),
        new WithdrawalRequested("w-1", 3, Money.Cny(100m), Money.Cny(0.60m), At),
        new WithdrawalPaid("w-1", 3, At),
        new WithdrawalRejected("w-2", 3, "bank account closed", At),
    ];

    public static TheoryData<string> Names => [.. CommissionEventTypes.All.Select(t => t.Name)];

    [Fact]
    public void Every_event_type_of_the_package_has_a_registered_name_and_a_sample()
    {
        var events = typeof(CommissionLedger).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IDomainEvent).IsAssignableFrom(t))
            .Select(t => t.FullName)
            .Order(StringComparer.Ordinal);

        Assert.Equal(events, CommissionEventTypes.All.Select(t => t.Type.FullName).Order(StringComparer.Ordinal));
        Assert.Equal(events, Samples.Select(e => e.GetType().FullName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_registered_event_round_trips_through_its_name_and_json(string name)
    {
        var sample = Samples.Single(e => e.GetType() == Serializer.Registry.Get(name).Type);

        var stored = Serializer.Serialize(sample);

        Assert.Equal(name, stored.Type);
        Assert.StartsWith("commissions.", name, StringComparison.Ordinal);
        Assert.Equal(sample, Serializer.Deserialize(stored));
    }

    [Fact]
    public void An_accrual_is_camel_case_json_with_its_key_and_money()
    {
        var json = Encoding.UTF8.GetString(Serializer.Serialize(Samples[0]).Data.Span);

        Assert.Equal(
            """{"key":{"orderLineId":"o-1/1","beneficiary":3,"rule":"level"},"level":1,"amount":{"amount":360.00,"currency":"CNY"},"orderAmountPaid":{"amount":3600.00,"currency":"CNY"},"availableAt":"2026-03-08T10:30:00+08:00","occurredAt":"2026-03-01T10:30:00+08:00"}""",
            json);
    }

    [Fact]
    public void The_core_and_commission_lists_together_make_one_registry_and_a_commission_event_is_unknown_without_its_package()
    {
        Assert.Equal(CommunityEventTypes.All.Length + CommissionEventTypes.All.Length, Serializer.Registry.Types.Length);
        var stored = Serializer.Serialize(Samples[0]);

        var error = Assert.Throws<UnknownEventTypeException>(() => new EventSerializer(new EventTypeRegistry(CommunityEventTypes.All)).Deserialize(stored));

        Assert.Equal("commissions.commission_accrued.v1", error.Name);
    }
}
