using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityModel.Persistence;

namespace CommunityModel.Tests.Community;

public sealed class CommunityOrderJsonTests
{
    private static readonly CommunityOrder Order = new(
        "o-1", new MemberId(7), OrderKind.Product, "offline-course", "Core",
        Money.FromMinorUnits(360_000, Currency.CNY), Money.Zero(Currency.CNY), new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public void An_order_stored_with_null_roles_reads_as_the_same_order_without_roles()
    {
        var node = JsonNode.Parse(JsonSerializer.Serialize(Order, CommunityJsonContext.Default.Options))!.AsObject();
        var key = node.Select(p => p.Key).Single(k => k.Equals("Roles", StringComparison.OrdinalIgnoreCase));
        node[key] = null;

        var read = JsonSerializer.Deserialize<CommunityOrder>(node.ToJsonString(), CommunityJsonContext.Default.Options)!;

        Assert.Empty(read.Roles);
        Assert.Equal(Order, read);
    }

    [Fact]
    public void An_order_stored_before_orders_carried_roles_reads_as_the_same_order_without_roles()
    {
        var node = JsonNode.Parse(JsonSerializer.Serialize(Order, CommunityJsonContext.Default.Options))!.AsObject();
        node.Remove(node.Select(p => p.Key).Single(k => k.Equals("Roles", StringComparison.OrdinalIgnoreCase)));

        var read = JsonSerializer.Deserialize<CommunityOrder>(node.ToJsonString(), CommunityJsonContext.Default.Options)!;

        Assert.Equal(Order, read);
    }

    [Fact]
    public void An_order_with_roles_read_back_from_json_equals_the_order_it_was_and_differs_when_a_holder_differs()
    {
        var withRoles = Order with { Roles = System.Collections.Immutable.ImmutableDictionary<string, MemberId>.Empty.Add("promoter", new MemberId(3)).Add("trainer", new MemberId(4)) };

        var read = JsonSerializer.Deserialize<CommunityOrder>(JsonSerializer.Serialize(withRoles, CommunityJsonContext.Default.Options), CommunityJsonContext.Default.Options)!;

        Assert.NotSame(withRoles.Roles, read.Roles);
        Assert.Equal(withRoles, read);
        Assert.Equal(withRoles.GetHashCode(), read.GetHashCode());
        Assert.NotEqual(withRoles, read with { Roles = read.Roles.SetItem("trainer", new MemberId(5)) });
        Assert.NotEqual(withRoles, read with { Roles = read.Roles.Remove("trainer") });
        Assert.NotEqual(withRoles, read with { Refunded = Money.FromMinorUnits(1, Currency.CNY) });
    }
}
