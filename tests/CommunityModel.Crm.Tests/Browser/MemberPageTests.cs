using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommunityModel.Crm.Tests.Browser;

/// <summary>A member as the page shows them, in Chromium: what staff see, what a member's own account sees, what is refused.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MemberPageTests(Chromium chromium) : StartedCrm
{
    /// <summary>Where the member page's screenshot goes: <c>CRM_SCREENSHOT</c>, else beside the test binaries.</summary>
    private static string ScreenshotPath =>
        Environment.GetEnvironmentVariable("CRM_SCREENSHOT") is { Length: > 0 } path ? path : Path.Combine(AppContext.BaseDirectory, "crm-member.png");

    [Fact]
    public async Task Staff_find_a_member_and_see_the_stage_history_membership_sponsor_line_commissions_and_withdrawals()
    {
        // 1 ← 2 ← 3: member 2 buys VIP, then member 3 does; after the freeze member 2 asks for ¥100 of the ¥360 earned.
        await Crm.RegisterAsync(3, sponsor: 2);
        await Crm.PostAsync("/members/2/orders", new { orderId = "o-2", item = "VIP" });
        await Crm.PostAsync("/members/3/orders", new { orderId = "o-3", item = "VIP" });
        Clock.Advance(TimeSpan.FromDays(8));
        await Crm.PostAsync("/month-end");
        await (await Crm.MemberAsync(2)).PostAsync("/members/2/withdrawals", new { withdrawalId = "w-1", amount = Cny.Of(100m) });
        await Crm.StaffAsync();
        await using var page = await CrmPage.OpenAsync(chromium, Crm.Address);
        await page.SignInAsync("staff-li", CrmHost.Password);

        await page.FindMemberAsync(2);

        await Expect(page.Region("Member 2")).ToBeVisibleAsync();
        var chain = page.Region("Value chain");
        await Expect(chain).ToContainTextAsync("Stage: Member, since 2026-03-01 01:00 UTC");
        await Expect(page.Rows("Stage history")).ToHaveTextAsync(new[]
        {
            "2026-03-01 01:00 UTCProspectProspectRegistered",
            "2026-03-01 01:00 UTCProspectMemberBoughtMembershiporder o-2",
        });

        var membership = page.Region("Membership");
        await Expect(membership).ToContainTextAsync("TierVIP");
        await Expect(membership).ToContainTextAsync("StatusActive");
        await Expect(membership).ToContainTextAsync("Paid until2027-03-01");
        await Expect(membership).ToContainTextAsync("Paid3,600.00 CNY");
        await Expect(page.Rows("Entitlements")).ToHaveTextAsync(new[]
        {
            "online-coursesunlimited0unlimited2026-03-012027-03-01",
            "community-serviceunlimited0unlimited2026-03-012027-03-01",
            "offline-2d1n1012026-03-012027-03-01",
        });

        await Expect(page.Region("Sponsor line").GetByRole(AriaRole.Listitem)).ToHaveTextAsync(new[] { "Level 1: member 1, Prospect" });

        await Expect(page.Rows("Orders")).ToHaveTextAsync(new[] { "o-2VIPMembershipPurchase3,600.00 CNY0.00 CNY2026-03-01 01:00 UTC" });

        var commissions = page.Region("Commissions");
        await Expect(commissions).ToContainTextAsync("Pending0.00 CNY");
        await Expect(commissions).ToContainTextAsync("Available260.00 CNY");
        await Expect(commissions).ToContainTextAsync("Withdrawing100.00 CNY");
        await Expect(page.Rows("Commission lines")).ToHaveTextAsync(new[] { "o-31standard/level-1360.00 CNY0.00 CNY2026-03-08 01:00 UTCAvailable" });

        await Expect(page.Rows("Withdrawals")).ToHaveTextAsync(new[] { "w-1100.00 CNY0.60 CNY99.40 CNY2026-03-09 01:00 UTCRequested" });

        // Staff refund and open sponsors; withdrawing is the member's own, so staff get no such form.
        await Expect(page.Page.GetByRole(AriaRole.Group, new() { Name = "Refund an order" })).ToBeVisibleAsync();
        await Expect(page.Page.GetByRole(AriaRole.Group, new() { Name = "Request a withdrawal" })).ToHaveCountAsync(0);

        await page.Page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath, FullPage = true });
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(ScreenshotPath)[..4]);

        // One click opens the sponsor.
        await page.Button("member 1").ClickAsync();
        await Expect(page.Region("Member 1")).ToBeVisibleAsync();
        await Expect(page.Region("Sponsor line")).ToContainTextAsync("No sponsor");
        await Expect(page.Rows("Commission lines")).ToHaveCountAsync(2);
        page.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_refund_above_what_was_paid_is_refused_and_the_page_shows_the_servers_problem_then_a_right_one_goes_through()
    {
        await Crm.PostAsync("/members/2/orders", new { orderId = "o-b", item = "bootcamp" }); // ¥199
        await Crm.StaffAsync();
        await using var page = await CrmPage.OpenAsync(chromium, Crm.Address);
        await page.SignInAsync("staff-li", CrmHost.Password);
        await page.FindMemberAsync(2);
        await Expect(page.Region("Member 2")).ToBeVisibleAsync();

        await page.Field("Order").SelectOptionAsync("o-b");
        await page.Field("Amount (a product's; empty: all that is left)").FillAsync("500.00");
        var refused = await page.Page.RunAndWaitForResponseAsync(() => page.Button("Refund").ClickAsync(), r => r.Url.EndsWith("/refunds", StringComparison.Ordinal));

        Assert.Equal(400, refused.Status);
        var problem = (await refused.JsonAsync())!.Value;
        await Expect(page.Problem).ToContainTextAsync(problem.GetProperty("title").GetString()!);
        await Expect(page.Problem).ToContainTextAsync(problem.GetProperty("detail").GetString()!);
        Assert.Equal("The request is invalid", problem.GetProperty("title").GetString());
        Assert.Contains("199", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Expect(page.Rows("Orders")).ToContainTextAsync(new[] { "o-bbootcampProduct199.00 CNY0.00 CNY" }); // nothing refunded

        // The same form, a right amount: done, and the order shows it.
        await page.Field("Amount (a product's; empty: all that is left)").FillAsync("50.00");
        await page.Button("Refund").ClickAsync();
        await Expect(page.Notice).ToContainTextAsync("50.00 CNY back to the buyer");
        await Expect(page.Problem).ToHaveCountAsync(0);
        await Expect(page.Rows("Orders")).ToContainTextAsync(new[] { "o-bbootcampProduct199.00 CNY50.00 CNY" });
        Assert.Equal(50.00m, Cny.Amount((await Crm.GetAsync("/members/2/history"))["orders"]![0]!["refunded"]));
        page.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_member_account_sees_its_own_member_and_is_refused_another_without_seeing_anything_of_it()
    {
        await Crm.PostAsync("/members/2/orders", new { orderId = "o-2", item = "VIP" });
        await Crm.MemberAsync(2); // the account member-2
        await using var page = await CrmPage.OpenAsync(chromium, Crm.Address);

        await page.SignInAsync("member-2", CrmHost.Password);

        // Its own member opens at once, with what a member may do.
        await Expect(page.Region("Member 2")).ToBeVisibleAsync();
        await Expect(page.Region("Membership")).ToContainTextAsync("TierVIP");
        await Expect(page.Region("Sponsor line").GetByRole(AriaRole.Listitem)).ToHaveTextAsync(new[] { "Level 1: member 1, Prospect" });
        await Expect(page.Region("Sponsor line").GetByRole(AriaRole.Button)).ToHaveCountAsync(0); // no way into the sponsor's page
        await Expect(page.Page.GetByRole(AriaRole.Group, new() { Name = "Request a withdrawal" })).ToBeVisibleAsync();
        await Expect(page.Page.GetByRole(AriaRole.Group, new() { Name = "Refund an order" })).ToHaveCountAsync(0);
        await Expect(page.Region("Month-end")).ToHaveCountAsync(0);

        // Another member: the server's 403, and nothing of either member left on the page.
        var refused = await page.Page.RunAndWaitForResponseAsync(() => page.FindMemberAsync(1), r => r.Url.EndsWith("/members/1", StringComparison.Ordinal));
        Assert.Equal(403, refused.Status);
        await Expect(page.Problem).ToContainTextAsync("Not allowed");
        await Expect(page.Problem).ToContainTextAsync("This account may not act for member 1.");
        await Expect(page.Region("Member 1")).ToHaveCountAsync(0);
        await Expect(page.Region("Member 2")).ToHaveCountAsync(0);

        // A withdrawal beyond the balance: refused, and said so.
        await page.FindMemberAsync(2);
        await page.Field("Amount").FillAsync("100.00");
        await page.Button("Request withdrawal").ClickAsync();
        await Expect(page.Problem).ToContainTextAsync("The request conflicts with the current state");
        await Expect(page.Problem).ToContainTextAsync("exceeds member 2's available balance of ¥0.00");
        page.AssertNoScriptErrors();
    }
}
