using CommunityModel.Crm.Storage;
using CommunityModel.Crm.Tests.State;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityModel.Crm.Tests;

/// <summary><c>/ready</c> follows the store: 503 while the database cannot be read, 200 again once it can; <c>/health</c> stays 200.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Ready_is_a_503_while_the_database_cannot_be_read_and_health_stays_200()
    {
        using var db = new TempDatabase();
        FailingEventLog log = null!;
        await using var crm = await CrmHost.StartAsync(db.Path, Clock.Start(), services: s => s.AddSingleton<IEventLog>(sp => log = new FailingEventLog(sp.GetRequiredService<SqliteEventStore>())));
        var anonymous = crm.Anonymous().Http;

        log.FailReads = true;
        using (var ready = await anonymous.GetAsync("/ready"))
        using (var health = await anonymous.GetAsync("/health"))
        {
            Assert.Equal((503, 200), ((int)ready.StatusCode, (int)health.StatusCode));
            Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        }

        log.FailReads = false;
        using var again = await anonymous.GetAsync("/ready");
        Assert.Equal(200, (int)again.StatusCode);
    }

    [Fact]
    public async Task Ready_is_a_503_while_a_failed_write_leaves_memory_unrebuilt()
    {
        using var db = new TempDatabase();
        FailingEventLog log = null!;
        await using var crm = await CrmHost.StartAsync(db.Path, Clock.Start(), services: s => s.AddSingleton<IEventLog>(sp => log = new FailingEventLog(sp.GetRequiredService<SqliteEventStore>())));
        await crm.RegisterAsync(1);
        var anonymous = crm.Anonymous().Http;

        // The append fails and so does the rebuild: the writer does not take commands until the store can be read.
        log.FailAppends = true;
        log.FailReads = true;
        await crm.PostAsync("/members", new { memberId = 2 }, 503);
        log.FailReads = false; // the database answers again, but memory was not rebuilt yet
        using (var ready = await anonymous.GetAsync("/ready"))
        {
            Assert.Equal(503, (int)ready.StatusCode);
        }

        log.FailAppends = false;
        await crm.RegisterAsync(2); // the next command rebuilds first
        using var again = await anonymous.GetAsync("/ready");
        Assert.Equal(200, (int)again.StatusCode);
    }
}
