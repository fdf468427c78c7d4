using System.Text;
using System.Text.Json;
using CommunityModel.Lifecycle;
using CommunityModel.Memberships;
using CommunityModel.Persistence;

namespace CommunityModel.Tests.Persistence;

public class EventTypeRegistryTests
{
    private static readonly EventTypeRegistry Registry = new(CommunityEventTypes.All);
    private static readonly EventSerializer Serializer = new(Registry);

    public static TheoryData<string> Names => [.. CommunityEventTypes.All.Select(t => t.Name)];

    [Fact]
    public void Every_event_type_of_the_package_has_a_registered_name()
    {
        var events = typeof(IDomainEvent).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IDomainEvent).IsAssignableFrom(t))
            .OrderBy(t => t.FullName)
            .ToArray();

        Assert.Equal(events, Registry.Types.Select(t => t.Type).OrderBy(t => t.FullName));
    }

    [Fact]
    public void Every_registered_type_has_a_sample_with_every_field_set()
    {
        Assert.Equal(Registry.Types.Select(t => t.Type).Order(TypeOrder.Instance), CommunityEventSamples.All.Select(e => e.GetType()).Order(TypeOrder.Instance));
        Assert.All(CommunityEventSamples.All, e => Assert.DoesNotContain("null", JsonOf(e), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_registered_event_round_trips_through_its_name_and_json(string name)
    {
        var type = Registry.Get(name);
        var sample = CommunityEventSamples.All.Single(e => e.GetType() == type.Type);

        var stored = Serializer.Serialize(sample);
        var read = Serializer.Deserialize(stored.Type, stored.Data.Span);

        Assert.Equal(name, stored.Type);
        Assert.Equal(sample, read);
        Assert.Equal(JsonOf(sample), JsonOf(read));
    }

    [Fact]
    public void Names_are_stable_versioned_and_read_the_same_way_as_before()
    {
        Assert.Equal("membership.purchased.v1", Registry.Of(CommunityEventSamples.All.OfType<MembershipPurchased>().Single()).Name);
        Assert.Equal("lifecycle.member_transitioned.v1", Registry.Of(CommunityEventSamples.All.OfType<MemberTransitioned>().Single()).Name);
        Assert.All(Registry.Types, t => Assert.Matches("^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.v[1-9][0-9]*$", t.Name));
    }

    [Fact]
    public void A_membership_purchase_is_camel_case_json_with_money_as_amount_and_currency()
    {
        var purchased = new MembershipPurchased(7, "vip", new TermPeriod(new DateOnly(2026, 3, 1), new DateOnly(2027, 3, 1)), Money.Cny(3600m), Money.Cny(0m), new DateTimeOffset(2026, 3, 1, 10, 30, 0, TimeSpan.FromHours(8)));

        var stored = Serializer.Serialize(purchased);

        Assert.Equal(
            """{"memberId":7,"tierId":"vip","term":{"start":"2026-03-01","end":"2027-03-01","days":365},"paid":{"amount":3600.00,"currency":"CNY"},"creditApplied":{"amount":0.00,"currency":"CNY"},"occurredAt":"2026-03-01T10:30:00+08:00","priceReason":null,"orderId":null}""",
            Encoding.UTF8.GetString(stored.Data.Span));
        Assert.Equal(purchased, Serializer.Deserialize(stored));
    }

    [Fact]
    public void Enums_are_written_as_their_names()
    {
        var transitioned = CommunityEventSamples.All.OfType<MemberTransitioned>().Single();

        var json = Encoding.UTF8.GetString(Serializer.Serialize(transitioned).Data.Span);

        Assert.Contains("\"trigger\":\"BoughtMembership\"", json, StringComparison.Ordinal);
        Assert.Contains("\"passed\":[\"Fan\",\"Customer\"]", json, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_name_on_read_is_a_typed_error_naming_it()
    {
        var error = Assert.Throws<UnknownEventTypeException>(() => Serializer.Deserialize("membership.purchased.v9", "{}"u8));

        Assert.Equal(ErrorCodes.UnknownEventType, error.ErrorCode);
        Assert.Equal("membership.purchased.v9", error.Name);
        Assert.Contains("'membership.purchased.v9'", error.Message, StringComparison.Ordinal);
        Assert.False(Registry.TryGet("membership.purchased.v9", out _));
    }

    [Fact]
    public void An_event_of_an_unregistered_type_is_refused_on_write()
    {
        var error = Assert.Throws<UnregisteredEventTypeException>(() => Serializer.Serialize(new Unregistered(DateTimeOffset.UnixEpoch)));

        Assert.Equal(ErrorCodes.UnregisteredEventType, error.ErrorCode);
        Assert.Equal(typeof(Unregistered), error.EventType);
        Assert.Contains(nameof(Unregistered), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_that_does_not_read_as_the_named_type_is_a_typed_error()
    {
        var error = Assert.Throws<UnreadableEventException>(() => Serializer.Deserialize("membership.purchased.v1", "{\"memberId\":\"seven\"}"u8));

        Assert.Equal(ErrorCodes.UnreadableEvent, error.ErrorCode);
        Assert.Equal("membership.purchased.v1", error.Name);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
        Assert.Equal(ErrorCodes.UnreadableEvent, Assert.Throws<UnreadableEventException>(() => Serializer.Deserialize("membership.purchased.v1", "null"u8)).ErrorCode);
    }

    [Fact]
    public void A_name_given_twice_is_refused_at_construction()
    {
        EventType[] types = [.. CommunityEventTypes.All, new("membership.purchased.v1", CommunityJsonContext.Default.MembershipRenewed)];

        var error = Assert.Throws<InvalidEventTypesException>(() => new EventTypeRegistry(types));

        Assert.Equal(ErrorCodes.InvalidEventTypes, error.ErrorCode);
        Assert.Contains(error.Problems, p => p.Contains("'membership.purchased.v1'", StringComparison.Ordinal) && p.Contains(nameof(MembershipRenewed), StringComparison.Ordinal));
    }

    [Fact]
    public void A_type_named_twice_is_refused_at_construction()
    {
        EventType[] types = [.. CommunityEventTypes.All, new("membership.purchased.v2", CommunityJsonContext.Default.MembershipPurchased)];

        var error = Assert.Throws<InvalidEventTypesException>(() => new EventTypeRegistry(types));

        Assert.Single(error.Problems);
        Assert.Contains("'membership.purchased.v2'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("membership.purchased")]
    [InlineData("Membership.Purchased.v1")]
    [InlineData("purchased.v1")]
    [InlineData("membership..purchased.v1")]
    [InlineData("membership.purchased.v0")]
    [InlineData("membership.purchased.vx")]
    [InlineData("")]
    public void A_name_that_is_not_stable_and_versioned_is_refused(string name)
    {
        var error = Assert.Throws<InvalidEventTypesException>(() => new EventTypeRegistry([new(name, CommunityJsonContext.Default.MembershipPurchased)]));

        Assert.Equal(ErrorCodes.InvalidEventTypes, error.ErrorCode);
    }

    [Fact]
    public void A_type_that_is_not_an_event_is_refused()
    {
        var error = Assert.Throws<InvalidEventTypesException>(() => new EventTypeRegistry([new("membership.snapshot.v1", CommunityJsonContext.Default.MembershipSnapshot)]));

        Assert.Contains(nameof(IDomainEvent), Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    private static string JsonOf(IDomainEvent e) => Encoding.UTF8.GetString(Serializer.Serialize(e).Data.Span);

    private sealed record Unregistered(DateTimeOffset OccurredAt) : IDomainEvent;

    private sealed class TypeOrder : IComparer<Type>
    {
        public static readonly TypeOrder Instance = new();

        public int Compare(Type? x, Type? y) => string.CompareOrdinal(x?.FullName, y?.FullName);
    }
}
