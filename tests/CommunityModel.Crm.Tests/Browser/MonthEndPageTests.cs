using static Microsoft.Playwright.Assertions;

namespace CommunityModel.Crm.Tests.Browser;

/// <summary>Month-end from the page, in Chromium: an admin runs it and reads its summary.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MonthEndPageTests(Chromium chromium) : StartedCrm
{
    [Fact]
    public async Task An_admin_runs_month_end_and_sees_what_it_released_and_paid()
    {
        // Member 2 buys VIP: ¥360 to member 1, free after the 7-day freeze; member 1 asks for ¥100 of it.
        await Crm.PostAsync("/members/2/orders", new { orderId = "o-2", item = "VIP" });
        Clock.Advance(TimeSpan.FromDays(8));
        await (await Crm.MemberAsync(1)).PostAsync("/members/1/withdrawals", new { withdrawalId = "w-1", amount = Cny.Of(100m) });
        await using var page = await CrmPage.OpenAsync(chromium, Crm.Address);
        await page.SignInAsync(CrmHost.AdminName, CrmHost.Password);
        await page.FindMemberAsync(1);
        await Expect(page.Rows("Withdrawals")).ToContainTextAsync(new[] { "Requested" });

        await page.Button("Run month-end").ClickAsync();

        var summary = page.Region("Month-end");
        await Expect(summary).ToContainTextAsync("Period2026-03");
        await Expect(summary).ToContainTextAsync("Closed at2026-03-09 01:00 UTC");
        await Expect(summary).ToContainTextAsync("Previous runnone");
        await Expect(summary).ToContainTextAsync("Commission released360.00 CNY");
        await Expect(page.Rows("Commission released")).ToHaveTextAsync(new[] { "1360.00 CNY260.00 CNY" });
        await Expect(page.Rows("Withdrawals paid")).ToHaveTextAsync(new[] { "w-11100.00 CNY0.60 CNY99.40 CNY" });
        await Expect(summary).ToContainTextAsync("No membership expired.");

        // The member on the page follows the run: the withdrawal is paid.
        await Expect(page.Rows("Withdrawals")).ToContainTextAsync(new[] { "w-1100.00 CNY0.60 CNY99.40 CNY2026-03-09 01:00 UTCPaid2026-03-09 01:00 UTC" });
        Assert.Equal(1, StoredEvents.Count(DatabasePath, "crm.month_end_closed.v1"));

        // The next month's run reports the one before it.
        Clock.Advance(TimeSpan.FromDays(31));
        await page.Button("Run month-end").ClickAsync();
        await Expect(summary).ToContainTextAsync("Period2026-04");
        await Expect(summary).ToContainTextAsync("Previous run2026-03-09 01:00 UTC");
        await Expect(page.Rows("Commission released")).ToHaveTextAsync(new[] { "None" });
        page.AssertNoScriptErrors();
    }
}
