using System.Text.Json.Nodes;

namespace CommunityModel.Crm.Tests.Api;

/// <summary>
/// <c>GET /events?after=N&amp;limit=M</c>: every stored event after position N, oldest first, as stored; positions only
/// grow and stay the same after a restart, so a downstream reader resumes where it stopped. Staff and admins only.
/// </summary>
public sealed class EventFeedTests
{
    [Fact]
    public async Task A_reader_walking_the_feed_gets_every_stored_event_once_in_order_and_resumes_after_a_restart()
    {
        using var db = new TempDatabase();
        var time = Clock.Start();
        List<JsonNode> before;
        long position;
        await using (var crm = await CrmHost.StartAsync(db.Path, time))
        {
            await crm.RegisterAsync(1);
            await crm.RegisterAsync(2, sponsor: 1);
            await crm.PostAsync("/members/2/orders", new { orderId = "o-1", item = "VIP" });
            (before, position) = await ReadAllAsync(crm.Admin, 0, 3);

            Assert.Equal(StoredEvents.All(db.Path), before.Count);
            Assert.Equal(Enumerable.Range(1, before.Count).Select(i => (long)i), before.Select(e => (long)e["position"]!));
            var purchase = before.Single(e => (string?)e["type"] == "membership.purchased.v1");
            Assert.Equal(("member-2", "admin", "VIP"), ((string?)purchase["stream"], (string?)purchase["actor"], (string?)purchase["data"]!["tierId"]));
            Assert.Equal((long)before[^1]["position"]!, position);
        }

        await using (var crm = await CrmHost.StartAsync(db.Path, time))
        {
            // The same positions after the restart, and the reader goes on from where it stopped.
            var (again, _) = await ReadAllAsync(crm.Admin, 0, 100);
            Assert.Equal(before.Select(e => e.ToJsonString()), again.Select(e => e.ToJsonString()));
            await crm.PostAsync("/members/2/orders", new { orderId = "o-2", item = "bootcamp" });
            var (next, end) = await ReadAllAsync(crm.Admin, position, 100);
            Assert.Equal(StoredEvents.All(db.Path) - before.Count, next.Count);
            Assert.True((long)next[0]["position"]! > position);
            Assert.Contains(next, e => (string?)e["type"] == "community.product_purchased.v1");

            // Past the end: no event, and next stays where the reader is.
            var empty = await crm.GetAsync($"/events?after={end}");
            Assert.Empty(empty["events"]!.AsArray());
            Assert.Equal(end, (long?)empty["next"]);
        }
    }

    [Theory]
    [InlineData("/events?after=-1", "after")]
    [InlineData("/events?after=first", "after")]
    [InlineData("/events?limit=0", "limit")]
    [InlineData("/events?limit=1001", "limit")]
    public async Task A_bad_position_or_limit_is_a_400_naming_it(string path, string field)
    {
        using var db = new TempDatabase();
        await using var crm = await CrmHost.StartAsync(db.Path, Clock.Start());

        var problem = await crm.GetAsync(path, 400);

        Assert.Equal(("crm.invalid_request", field), ((string?)problem["code"], (string?)problem["field"]));
    }

    [Fact]
    public async Task The_feed_is_for_staff_and_admins_only()
    {
        using var db = new TempDatabase();
        await using var crm = await CrmHost.StartAsync(db.Path, Clock.Start());
        await crm.RegisterAsync(1);

        await crm.Anonymous().GetAsync("/events", 401);
        await (await crm.MemberAsync(1)).GetAsync("/events", 403);
        Assert.NotEmpty((await (await crm.StaffAsync()).GetAsync("/events"))["events"]!.AsArray());
    }

    private static async Task<(List<JsonNode> Events, long Next)> ReadAllAsync(CrmClient client, long after, int limit)
    {
        var events = new List<JsonNode>();
        while (true)
        {
            var page = await client.GetAsync($"/events?after={after}&limit={limit}");
            var slice = page["events"]!.AsArray();
            Assert.InRange(slice.Count, 0, limit);
            events.AddRange(slice.Select(e => e!));
            var next = (long)page["next"]!;
            if (slice.Count == 0)
            {
                Assert.Equal(after, next);
                return (events, next);
            }

            after = next;
        }
    }
}
