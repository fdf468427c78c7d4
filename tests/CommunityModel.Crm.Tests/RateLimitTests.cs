using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CommunityModel.Crm.Tests;

/// <summary>Writes are limited per account: past the burst a write is a 429 problem with Retry-After that stores nothing; reads and other accounts go on.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Writes_past_an_accounts_burst_are_429_problems_that_store_nothing_while_another_account_and_reads_go_on()
    {
        using var db = new TempDatabase();
        await using var crm = await CrmHost.StartAsync(db.Path, Clock.Start(), new Dictionary<string, string?> { ["Crm:WritesPerSecond"] = "1", ["Crm:WriteBurst"] = "3" });

        var created = new List<long>();
        var refused = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var id = 1; id <= 10; id++)
        {
            using var response = await crm.Client.PostAsJsonAsync("/members", new { memberId = id });
            if ((int)response.StatusCode == 201)
            {
                created.Add(id);
                continue;
            }

            Assert.Equal(429, (int)response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal(("crm.rate_limited", 429), ((string?)problem["code"], (int?)problem["status"]));
            Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
            refused++;
        }

        Assert.InRange(created.Count, 3, 3 + (int)Math.Ceiling(clock.Elapsed.TotalSeconds)); // the burst, and one more a second
        Assert.Equal(10 - created.Count, refused);
        Assert.True(refused > 0);
        var listed = await crm.GetAsync("/members?limit=50"); // reads are not limited
        Assert.Equal(created, listed["items"]!.AsArray().Select(m => (long)m!["id"]!));
        Assert.Equal(created.Count, StoredEvents.Count(db.Path, "referral.member_registered.v1"));

        var staff = await crm.StaffAsync();
        Assert.Equal(100, (long?)(await staff.PostAsync("/members", new { memberId = 100 }, 201))["id"]);
    }
}
