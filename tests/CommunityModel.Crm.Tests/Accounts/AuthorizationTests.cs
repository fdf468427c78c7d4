namespace CommunityModel.Crm.Tests.Accounts;

/// <summary>
/// Who may do what, over HTTP: nobody signed in is 401, the wrong role 403, a member reaches only their own member,
/// money leaves a balance only when its owner asks; every refusal is problem details and changes nothing stored.
/// </summary>
public sealed class AuthorizationTests : StartedCrm
{
    public static TheoryData<string, string, string?> Writes => new()
    {
        { "POST", "/members", """{"memberId": 3}""" },
        { "PUT", "/members/2/sponsor", """{"sponsorId": 1}""" },
        { "POST", "/members/2/orders", """{"orderId": "o-1", "item": "KA"}""" },
        { "POST", "/members/2/orders/o-0/refunds", """{"refundId": "r-1"}""" },
        { "POST", "/members/2/entitlements/offline-2d1n/uses", """{"key": "k-1"}""" },
        { "POST", "/members/1/withdrawals", """{"withdrawalId": "w-1", "amount": {"amount": 100, "currency": "CNY"}}""" },
        { "POST", "/month-end", null },
        { "POST", "/accounts", """{"userName": "mallory", "password": "a long enough password", "role": "admin"}""" },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    [InlineData("GET", "/members/1", null)]
    [InlineData("GET", "/members/1/commissions", null)]
    [InlineData("GET", "/members/1/quote/VIP", null)]
    [InlineData("GET", "/members/1/history", null)]
    [InlineData("GET", "/members/1/upline", null)]
    public async Task Nobody_signed_in_is_a_401_and_nothing_changes(string method, string path, string? body)
    {
        await SeedAsync();
        var stored = StoredEvents.All(DatabasePath);

        var problem = await Crm.Anonymous().SendAsync(new HttpMethod(method), path, Json(body), 401);

        Assert.Equal(401, (int?)problem["status"]);
        Assert.Equal(stored, StoredEvents.All(DatabasePath));
        await AssertUnchangedAsync();
    }

    [Theory]
    [MemberData(nameof(Writes))]
    [InlineData("GET", "/members/1", null)]
    [InlineData("GET", "/members/1/commissions", null)]
    [InlineData("GET", "/members/1/quote/VIP", null)]
    [InlineData("GET", "/members/1/history", null)]
    [InlineData("GET", "/members/1/upline", null)]
    public async Task A_member_reaching_past_their_own_self_service_is_a_403_and_nothing_changes(string method, string path, string? body)
    {
        await SeedAsync();
        var stored = StoredEvents.All(DatabasePath);
        var member2 = await Crm.MemberAsync(2);

        var problem = await member2.SendAsync(new HttpMethod(method), path, Json(body), 403);

        Assert.Equal(403, (int?)problem["status"]);
        Assert.Equal(stored, StoredEvents.All(DatabasePath));
        await AssertUnchangedAsync();
    }

    [Theory]
    [InlineData("PUT", "/members/2/sponsor", """{"sponsorId": 1}""")]                          // reassignment: admin
    [InlineData("POST", "/month-end", null)]                                                     // month-end: admin
    [InlineData("POST", "/accounts", """{"userName": "mallory", "password": "a long enough password", "role": "admin"}""")]
    [InlineData("POST", "/members/1/withdrawals", """{"withdrawalId": "w-1", "amount": {"amount": 100, "currency": "CNY"}}""")] // only the owner
    public async Task Staff_doing_an_admins_or_a_members_part_is_a_403_and_nothing_changes(string method, string path, string? body)
    {
        await SeedAsync();
        var stored = StoredEvents.All(DatabasePath);
        var staff = await Crm.StaffAsync();

        await staff.SendAsync(new HttpMethod(method), path, Json(body), 403);

        Assert.Equal(stored, StoredEvents.All(DatabasePath));
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task The_admin_cannot_withdraw_a_members_money_either()
    {
        await SeedAsync();

        var problem = await Crm.PostAsync("/members/1/withdrawals", new { withdrawalId = "w-1", amount = Cny.Of(100m) }, 403);

        Assert.Equal("crm.forbidden", (string?)problem["code"]);
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task A_member_reads_and_withdraws_their_own_money_and_the_event_names_them()
    {
        await SeedAsync();
        var member1 = await Crm.MemberAsync(1);

        Assert.Equal(360.00m, Cny.Amount((await member1.GetAsync("/members/1"))["commission"]!["available"]));
        Assert.Equal(360.00m, Cny.Amount((await member1.GetAsync("/members/1/commissions"))["balance"]!["available"]));
        await member1.PostAsync("/members/1/withdrawals", new { withdrawalId = "w-1", amount = Cny.Of(100m) });

        Assert.Equal("member-1", StoredEvents.ActorsIn(DatabasePath, "member-1")[^1]);
    }

    [Fact]
    public async Task Every_stored_event_names_the_account_that_asked_for_it()
    {
        var staff = await Crm.StaffAsync();
        await staff.PostAsync("/members", new { memberId = 3, sponsorId = 1 }, 201);
        await staff.PostAsync("/members/3/orders", new { orderId = "o-3", item = "VIP" });

        Assert.All(StoredEvents.ActorsIn(DatabasePath, "member-1"), a => Assert.Equal(CrmHost.AdminName, a)); // registered by the admin
        var member3 = StoredEvents.ActorsIn(DatabasePath, "member-3");
        Assert.True(member3.Count > 2);
        Assert.All(member3, a => Assert.Equal("staff-li", a));
    }

    [Theory]
    [InlineData("admin", "wrong password!!")]
    [InlineData("nobody", "correct horse battery")]
    public async Task A_wrong_name_or_password_is_a_401_and_sets_no_cookie(string userName, string password)
    {
        var client = Crm.Anonymous();
        var problem = await client.PostAsync("/auth/sign-in", new { userName, password }, 401);

        Assert.Equal("crm.sign_in_failed", (string?)problem["code"]);
        await client.GetAsync("/members/1", 401);
    }

    [Fact]
    public async Task After_signing_out_the_cookie_no_longer_works()
    {
        var staff = await Crm.StaffAsync();
        Assert.Equal("staff", (string?)(await staff.GetAsync("/auth/me"))["role"]);

        using var response = await staff.Http.PostAsync("/auth/sign-out", System.Net.Http.Json.JsonContent.Create(new { })); // a write: JSON, like every other
        Assert.Equal(204, (int)response.StatusCode);
        await staff.GetAsync("/members/1", 401);
    }

    // Member 2 bought VIP; after the freeze member 1 has ¥360 available.
    private async Task SeedAsync()
    {
        await Crm.PostAsync("/members/2/orders", new { orderId = "o-0", item = "VIP" });
        Clock.Advance(TimeSpan.FromDays(8));
    }

    private async Task AssertUnchangedAsync()
    {
        var one = await Crm.GetAsync("/members/1");
        Assert.Equal((360.00m, 0m), (Cny.Amount(one["commission"]!["available"]), Cny.Amount(one["commission"]!["withdrawing"])));
        var two = await Crm.GetAsync("/members/2");
        Assert.Equal((1L, "VIP", "Active"), ((long?)two["sponsorId"], (string?)two["membership"]!["tier"], (string?)two["membership"]!["status"]));
        Assert.Equal(1, (int?)two["membership"]!["entitlements"]!.AsArray().Single(e => (string?)e!["productId"] == "offline-2d1n")!["remaining"]);
        Assert.Equal(1, StoredEvents.Count(DatabasePath, "membership.purchased.v1"));
    }

    private static System.Text.Json.Nodes.JsonNode? Json(string? body) => body is null ? null : System.Text.Json.Nodes.JsonNode.Parse(body);
}
