namespace CommunityModel.Crm.Tests;

/// <summary>A bad value in appsettings stops start-up with a message naming its configuration path; nothing is served, no file is made.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Commissions:Plan:Levels:0:Rate", "ten percent", "Commissions:Plan:Levels:0:Rate")]
    [InlineData("Commissions:Plan:Levels:3:Rate", "1%", "Commissions:Plan")]
    [InlineData("Commissions:Ledger:FreezePeriod", "-1.00:00:00", "Commissions:Ledger:FreezePeriod")]
    [InlineData("Community:Catalog:Products:0:Price", "9.999 CNY", "Community:Catalog:Products:0:Price")]
    [InlineData("Community:Memberships:TimeZone", "Mars/Olympus_Mons", "Community:Memberships:TimeZone 'Mars/Olympus_Mons'")]
    [InlineData("Community:Memberships:Tiers:0:Entitlements:0:ProductId", "no-such-course", "no-such-course")]
    [InlineData("Crm:Port", "70000", "Crm:Port")]
    [InlineData("Crm:WritesPerSecond", "0", "Crm:WritesPerSecond is 0")]
    [InlineData("Crm:WriteBurst", "-5", "Crm:WriteBurst is -5")]
    [InlineData("Crm:MonthEndPaymentsPerStep", "0", "Crm:MonthEndPaymentsPerStep is 0")]
    [InlineData("Crm:MaxPageSize", "100000", "Crm:MaxPageSize is 100000")]
    [InlineData("Crm:MaxFeedPage", "0", "Crm:MaxFeedPage is 0")]
    public async Task An_invalid_setting_stops_start_up_naming_it(string key, string value, string named)
    {
        using var db = new TempDatabase();
        await using var app = CrmHost.Build(db.Path, Clock.Start(), new Dictionary<string, string?> { [key] = value });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(db.Path));
    }
}
